/** Local-only endpoints (`/dev/*`): tokens, the controllable clock, the outbox. Never deployed. */
import * as z from 'zod/mini';
import '../../shared/zod'; // zod/mini's English messages, before any of these schemas parses
import { ROLES } from '../../shared/domain/roles';
import { TENANT_ID_PATTERN } from '../../shared/domain/tenant';
import { zodIssues } from '../../shared/http/parse-request';
import { HttpProblem } from '../../shared/http/problem';
import type { LocalTokenIssuer } from '../auth/local-token-issuer';
import { isoDurationToMillis } from '../clock/iso-duration';
import type { LocalClock } from '../clock/local-clock';
import type { LocalOutbox } from '../outbox/local-outbox';
import type { LocalStepFunctions } from '../workflows/local-step-functions';
import type { LocalProviders } from '../providers/local-providers';
import type { LocalCreditBureau } from '../providers/local-credit-bureau';

export interface DevResponse {
  status: number;
  body: unknown;
  contentType?: string;
}

const tokenRequest = z.strictObject({
  tenantId: z.string().check(z.regex(TENANT_ID_PATTERN, 'must be 1-64 letters, digits, _ or -')),
  roles: z.array(z.enum(ROLES)).check(z.minLength(1)),
  sub: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  debtorId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  expiresIn: z.optional(z.number().check(z.int(), z.gte(60), z.lte(7 * 24 * 3600))),
});

const clockRequest = z.union([
  z.strictObject({ now: z.iso.datetime({ offset: true }) }),
  z.strictObject({
    advance: z.string().check(z.regex(/^P/, 'must be an ISO 8601 duration such as P1D or PT2H')),
  }),
]);

const rateLimitRequest = z.strictObject({
  requests: z.int().check(z.gte(1), z.lte(100)),
  retryAfterSeconds: z.int().check(z.gte(0), z.lte(3600)),
});

function validate<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpProblem(400, 'The request has invalid fields', zodIssues(result.error));
  return result.data;
}

export class DevRoutes {
  constructor(
    private readonly issuer: LocalTokenIssuer,
    private readonly clock: LocalClock,
    private readonly outbox: LocalOutbox,
    private readonly workflows: LocalStepFunctions,
    private readonly providers: LocalProviders,
    private readonly creditBureau: LocalCreditBureau,
  ) {}

  async handle(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    accept: string,
  ): Promise<DevResponse> {
    const key = `${method} ${path}`;
    switch (key) {
      case 'POST /dev/token': {
        const issued = await this.issuer.issue(validate(tokenRequest, body));
        return accept.includes('text/plain')
          ? { status: 200, body: issued.token, contentType: 'text/plain' }
          : { status: 200, body: issued };
      }
      case 'GET /dev/clock':
        return { status: 200, body: { now: this.clock.now().toISOString() } };
      case 'POST /dev/clock': {
        const request = validate(clockRequest, body);
        const target = 'now' in request ? new Date(request.now) : this.advanced(request.advance);
        try {
          return { status: 200, body: { now: (await this.clock.moveTo(target)).toISOString() } };
        } catch (error) {
          if (error instanceof RangeError) throw new HttpProblem(422, error.message);
          throw error;
        }
      }
      case 'GET /dev/outbox': {
        const debtorId = query.get('debtorId') ?? undefined;
        return { status: 200, body: { items: this.outbox.list({ debtorId }) } };
      }
      case 'POST /dev/credit-bureau/rate-limit': {
        // The Creditsafe stand-in answers the next requests 429, to see a rate limit waited out or passed on.
        const { requests, retryAfterSeconds } = validate(rateLimitRequest, body);
        this.creditBureau.rateLimitNext(requests, retryAfterSeconds);
        return { status: 200, body: { requests, retryAfterSeconds } };
      }
      case 'GET /dev/executions': {
        const debtorId = query.get('debtorId') ?? undefined;
        return { status: 200, body: { items: this.workflows.list({ debtorId }) } };
      }
      default: {
        // A letter as the print-and-mail provider receives it: `/dev/letters/<tenant>/<message>.pdf`.
        if (method === 'GET' && path.startsWith('/dev/letters/')) {
          const pdf = this.providers.object(path.slice('/dev/'.length));
          if (pdf) return { status: 200, body: pdf, contentType: 'application/pdf' };
        }
        throw new HttpProblem(404, `No local route ${key}`);
      }
    }
  }

  private advanced(iso: string): Date {
    const millis = isoDurationToMillis(iso);
    if (millis === undefined || millis <= 0) {
      throw new HttpProblem(400, 'The request has invalid fields', [
        {
          path: 'advance',
          message: 'must be a positive ISO 8601 duration in weeks, days or time, such as P1D or PT2H',
        },
      ]);
    }
    return new Date(this.clock.now().getTime() + millis);
  }
}

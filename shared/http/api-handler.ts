/**
 * Wraps a route's use case into a Lambda handler: Powertools context, authentication from the
 * verified JWT claims, role check, zod validation, idempotent replay, and RFC 7807 errors.
 * Handlers stay thin: they map validated input to one use case call.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { hasAnyRole, type Actor } from '../domain/actor';
import { DomainError, ValidationError } from '../domain/errors';
import { logger, metrics, tracer } from '../observability/powertools';
import { IdempotencyRecordExists, type IdempotencyClaim } from '../ports/write-context';
import type { Services } from '../runtime/services';
import type { signalCase } from '../app/cases/signal-case';
import { actorFromClaims } from './claims';
import { idempotencyClaim, replay } from './idempotency';
import { parseIfMatch, parseRequest, type ParsedInput } from './parse-request';
import { HttpProblem, problem, problemResponse } from './problem';
import type { RouteDefinition } from './route';

export interface ApiRequest<R extends RouteDefinition> extends ParsedInput<R> {
  actor: Actor;
  /** The body as sent and the headers: for a webhook whose signature covers the exact bytes. */
  raw: { body: string; headers: Record<string, string | undefined> };
  ifMatch?: number;
  idempotency?: IdempotencyClaim;
}

export interface ApiResult {
  statusCode?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A body that is not JSON (a CSV export): sent as it is, with its media type. */
export interface ApiTextResult {
  statusCode?: number;
  text: string;
  contentType: string;
  headers?: Record<string, string>;
}

type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]> } };
  };
};

const PUBLIC_ACTOR: Actor = { sub: 'anonymous', tenantId: 'public', roles: [] };

export function successStatus(route: RouteDefinition): number {
  return Number(Object.keys(route.responses).find((code) => code.startsWith('2')) ?? 200);
}

/**
 * Wakes the debtor's collection case after a change. Handed over by the handlers of `signalsCase`
 * routes, so only their bundles carry it (and the case and policy code behind it).
 */
export type CaseSignal = typeof signalCase;

type SignalServices = Parameters<CaseSignal>[0];

/** What the wrapper itself uses for the route: the idempotency store to replay, the case to wake. */
export type WrapperServices<R extends RouteDefinition> = (R extends { idempotent: true }
  ? Pick<Services, 'idempotency'>
  : unknown) &
  (R extends { signalsCase: true } ? SignalServices : unknown);

/** For a route whose wrapper uses no services (the health check, the OpenAPI document). */
export const noServices = () => ({});

/**
 * `services` is the handler's wiring: the wrapper reaches for it only as the route's flags ask.
 * A `signalsCase` route's handler also hands over `signalCase`.
 */
export function apiHandler<R extends RouteDefinition>(
  route: R,
  services: () => WrapperServices<R>,
  handle: (request: ApiRequest<R>) => Promise<ApiResult | ApiTextResult>,
  ...caseSignal: R extends { signalsCase: true } ? [signal: CaseSignal] : []
) {
  // What the route's flags use is there: WrapperServices<R> holds the handler's wiring to them.
  const wired = services as () => Pick<Services, 'idempotency'> & SignalServices;
  const [signal] = caseSignal as [CaseSignal?];

  const run = async (event: ApiEvent): Promise<APIGatewayProxyStructuredResultV2> => {
    const response = await respond(event);
    const status = response.statusCode ?? 200;
    metrics.addMetric(
      status >= 500 ? 'ServerErrors' : status >= 400 ? 'ClientErrors' : 'Successes',
      'Count',
      1,
    );
    return response;
  };

  const respond = async (event: ApiEvent): Promise<APIGatewayProxyStructuredResultV2> => {
    try {
      const actor = authenticate(route, event);
      const input = parseRequest(route, event);
      const headers = event.headers ?? {};
      const ifMatch = route.conditional ? parseIfMatch(headers['if-match']) : undefined;
      const claim = route.idempotent
        ? idempotencyClaim(actor.sub, headers['idempotency-key'], route.id, successStatus(route), {
            params: input.params,
            body: input.rawBody,
          })
        : undefined;
      if (claim) {
        const previous = await replay(wired().idempotency, actor.tenantId, claim);
        if (previous) return replayed(previous.statusCode, previous.body);
      }
      try {
        const raw = {
          body: event.isBase64Encoded
            ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
            : (event.body ?? ''),
          headers,
        };
        const result = await handle({ ...input, actor, ifMatch, idempotency: claim, raw });
        if ('text' in result) {
          return {
            statusCode: result.statusCode ?? successStatus(route),
            headers: { 'content-type': result.contentType, ...result.headers },
            body: result.text,
          };
        }
        if (route.signalsCase && signal) await wakeCase(signal, wired, route, actor, input, result.body);
        return json(result.statusCode ?? successStatus(route), result.body, result.headers);
      } catch (error) {
        if (!(error instanceof IdempotencyRecordExists) || !claim) throw error;
        // A concurrent request with the same key won the race: answer what it answered.
        const previous = await replay(wired().idempotency, actor.tenantId, claim);
        if (!previous) throw error;
        return replayed(previous.statusCode, previous.body);
      }
    } catch (error) {
      return errorResponse(error, route);
    }
  };

  return middy<ApiEvent, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .handler(run);
}

/**
 * Wakes the debtor's collection workflow after a change that may alter its next step. The change is
 * committed already: if waking fails, the workflow still sees it at its next timer, so the request
 * succeeds and the failure is logged.
 */
async function wakeCase(
  signal: CaseSignal,
  services: () => SignalServices,
  route: RouteDefinition,
  actor: Actor,
  input: { params?: unknown },
  body: unknown,
) {
  const fromBody = (body as { debtorId?: unknown } | undefined)?.debtorId;
  const fromPath = route.path.startsWith('/v1/debtors/{id}')
    ? (input.params as { id?: unknown } | undefined)?.id
    : undefined;
  const debtorId =
    typeof fromBody === 'string' ? fromBody : typeof fromPath === 'string' ? fromPath : undefined;
  if (!debtorId) return;
  try {
    await signal(services(), actor.tenantId, debtorId, route.id);
  } catch (error) {
    logger.warn('The collection case could not be woken; it will see the change at its next timer', {
      route: route.id,
      error: error as Error,
    });
  }
}

function authenticate(route: RouteDefinition, event: ApiEvent): Actor {
  if (route.auth.kind !== 'jwt') return PUBLIC_ACTOR;
  const actor = actorFromClaims(event.requestContext.authorizer?.jwt?.claims);
  if (!actor) throw new HttpProblem(401, 'The token does not identify a tenant user');
  if (!hasAnyRole(actor, route.auth.roles)) {
    throw new HttpProblem(403, `This action needs one of the roles: ${route.auth.roles.join(', ')}`);
  }
  return actor;
}

export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

function replayed(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return json(statusCode, body, { 'idempotent-replayed': 'true' });
}

const DOMAIN_STATUS = {
  validation: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  upstream: 502,
} as const;

function errorResponse(error: unknown, route: RouteDefinition): APIGatewayProxyStructuredResultV2 {
  if (error instanceof HttpProblem) return problemResponse(error.toProblem(), error.headers);
  if (error instanceof DomainError) {
    const issues = error instanceof ValidationError ? error.issues : undefined;
    return problemResponse(problem(DOMAIN_STATUS[error.kind], error.message, issues));
  }
  // Unexpected: log the error (no request data: it may hold personal data) and hide details.
  logger.error('Unhandled error', { route: route.id, error: error as Error });
  return problemResponse(problem(500));
}

/** Turns an API Gateway v2 event into validated input, or a 4xx problem naming the field. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import '../zod'; // zod/mini's English messages, before any of these schemas parses
import type { FieldIssue } from '../domain/errors';
import { HttpProblem } from './problem';
import type { RouteDefinition } from './route';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ParsedInput<R extends RouteDefinition> {
  body: R extends RouteDefinition<infer B> ? z.infer<B> : never;
  query: R extends RouteDefinition<z.ZodMiniType, infer Q> ? z.infer<Q> : never;
  params: R extends RouteDefinition<z.ZodMiniType, z.ZodMiniType, infer P> ? z.infer<P> : never;
  /** Raw JSON body, for hashing idempotent requests. */
  rawBody: unknown;
}

export function zodIssues(error: z.core.$ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix || 'body',
    message: issue.message,
  }));
}

function validate(schema: z.ZodMiniType | undefined, value: unknown, prefix: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success)
    throw new HttpProblem(400, 'The request has invalid fields', zodIssues(result.error, prefix));
  return result.data;
}

function readJsonBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') {
    throw new HttpProblem(400, 'A JSON body is required', [{ path: 'body', message: 'is required' }]);
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES)
    throw new HttpProblem(413, `The body exceeds ${MAX_BODY_BYTES} bytes`);
  const contentType = (event.headers?.['content-type'] ?? '').toLowerCase();
  if (contentType && !/^application\/([a-z.+-]*\+)?json\b/.test(contentType)) {
    throw new HttpProblem(415, `Content-Type ${contentType} is not JSON`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpProblem(400, 'The body is not valid JSON', [
      { path: 'body', message: error instanceof Error ? error.message : 'malformed JSON' },
    ]);
  }
}

export function parseRequest<R extends RouteDefinition>(
  route: R,
  event: APIGatewayProxyEventV2,
): ParsedInput<R> {
  const rawBody = route.request.body ? readJsonBody(event) : undefined;
  return {
    body: validate(route.request.body, rawBody, ''),
    query: validate(route.request.query, event.queryStringParameters ?? {}, 'query'),
    params: validate(route.request.params, event.pathParameters ?? {}, 'params'),
    rawBody,
  } as ParsedInput<R>;
}

/** `If-Match: "3"`, `W/"3"` or `3` → 3. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim());
  if (!match)
    throw new HttpProblem(400, 'If-Match must carry a resource version', [
      { path: 'If-Match', message: 'must be a version such as "3"' },
    ]);
  return Number(match[1]);
}

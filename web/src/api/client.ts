/**
 * The API as the pages use it: the session's bearer token, JSON in and out, an Idempotency-Key on
 * every POST (a double click or a retry applies once), and problem+json turned into an error that
 * carries the field and reason for the form to show.
 */
import { token } from './session';

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly fields: FieldProblem[],
  ) {
    super(title);
    this.name = 'ApiProblem';
  }
}

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const bearer = token();
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (parsed ?? {}) as { title?: string; detail?: string; errors?: FieldProblem[] };
    throw new ApiProblem(
      response.status,
      problem.detail ?? problem.title ?? response.statusText,
      problem.errors ?? [],
    );
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown, idempotencyKey: string = crypto.randomUUID()) =>
    call<T>('POST', path, body, { 'idempotency-key': idempotencyKey }),
  put: <T>(path: string, body: unknown, version?: number) =>
    call<T>('PUT', path, body, version === undefined ? {} : { 'if-match': `"${version}"` }),
  patch: <T>(path: string, body: unknown, version: number) =>
    call<T>('PATCH', path, body, { 'if-match': `"${version}"` }),
};

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

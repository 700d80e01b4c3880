/**
 * `Idempotency-Key` handling. The record is written by the use case in the same transaction as
 * its change, so a crash can neither lose the change nor record a response for a change that
 * never happened; here we only replay or refuse.
 */
import { createHash } from 'node:crypto';
import type { IdempotencyStore } from '../ports/idempotency-store';
import type { IdempotencyClaim, IdempotentCompletion } from '../ports/write-context';
import { HttpProblem } from './problem';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A key is the caller's own: scoped by the token's subject, so nobody else in the tenant can
 * replay (or probe) another person's stored response.
 */
export function idempotencyClaim(
  subject: string,
  key: string | undefined,
  routeId: string,
  statusCode: number,
  request: { params: unknown; body: unknown },
): IdempotencyClaim | undefined {
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new HttpProblem(400, 'Idempotency-Key must be 1 to 255 visible ASCII characters', [
      { path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
    ]);
  }
  const requestHash = createHash('sha256')
    .update(`${routeId}\n${canonicalJson(request.params)}\n${canonicalJson(request.body)}`)
    .digest('hex');
  return { key: `${subject}#${key}`, requestHash, routeId, statusCode };
}

/** The stored response for a repeated key, or a 422 when the key was used for another request. */
export async function replay(
  store: IdempotencyStore,
  tenantId: string,
  claim: IdempotencyClaim,
): Promise<IdempotentCompletion | undefined> {
  const previous = await store.find(tenantId, claim.key);
  if (!previous) return undefined;
  if (previous.requestHash !== claim.requestHash || previous.routeId !== claim.routeId) {
    throw new HttpProblem(422, 'This Idempotency-Key was already used with a different request');
  }
  return previous;
}

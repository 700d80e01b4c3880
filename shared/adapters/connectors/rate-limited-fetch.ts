/**
 * Calls of a provider's API that wait out HTTP 429 (a refused call was not processed): the `Retry-After` the provider names (seconds
 * or an HTTP date), else exponential backoff with jitter. A wait longer than a sync can afford,
 * or too many in a row, ends the pull with RateLimitedError so it resumes from its cursor later.
 */
import { AccessTokenRejectedError, RateLimitedError } from '../../ports/accounting-connector';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first backoff when the provider names no wait; doubled after each 429. */
  baseDelayMs: number;
  /** A longer wait than this is not waited here: the sync resumes later. */
  maxWaitMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1000,
  maxWaitMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export async function fetchWaitingOutRateLimits(
  url: string,
  init: RequestInit,
  policy: RetryPolicy,
): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, init);
    if (response.status === 401) {
      await response.body?.cancel();
      throw new AccessTokenRejectedError();
    }
    if (response.status !== 429) return response;
    await response.body?.cancel();
    const backoff = policy.baseDelayMs * 2 ** (attempt - 1) * (1 + Math.random() / 4);
    // The HTTP date form is relative to the wall clock, as the provider meant it.
    const wait = retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? backoff;
    if (attempt >= policy.attempts || wait > policy.maxWaitMs) throw new RateLimitedError(wait);
    await policy.sleep(wait);
  }
}

/**
 * When a failed delivery is tried again: exponential backoff with jitter, the attempts spread over
 * about a day (a receiver down overnight still gets its events), then the delivery fails for good.
 * Jitter (±20 %) keeps the retries of many deliveries that failed together from arriving together.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Waits after attempts 1, 2, …: roughly ×4 each time, capped, about 24 h in all. */
export const RETRY_DELAYS_MS: readonly number[] = [
  1 * MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  4 * HOUR,
  8 * HOUR,
  9 * HOUR,
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const JITTER = 0.2;

/**
 * The wait after failed attempt `attempt` (1-based), or undefined when it was the last.
 * `random` is in [0, 1): the caller's source of randomness (tests pass their own).
 */
export function retryDelayMs(attempt: number, random: number): number | undefined {
  const base = RETRY_DELAYS_MS[attempt - 1];
  if (base === undefined) return undefined;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

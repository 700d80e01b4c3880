/**
 * Exact figures: a metric is a ratio of integers (minor units, days, counts), kept as bigint
 * numerator and denominator and rounded ONCE, half-up (halves away from zero), to 2 decimals
 * (domain rules §4). A zero denominator is not a number but a `null` with a reason.
 */

export type Figure = { value: number; reason?: undefined } | { value: null; reason: string };

const SCALE = 100n;

/** A ratio in hundredths, rounded half-up (halves away from zero). */
export function hundredths(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Zero denominator');
  const negative = numerator < 0n !== denominator < 0n;
  const n = (numerator < 0n ? -numerator : numerator) * SCALE;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** Hundredths as a number with 2 decimals (4650n → 46.5); never -0. */
export function fromHundredths(value: bigint): number {
  const result = Number(value) / 100;
  return result === 0 ? 0 : result;
}

/** numerator / denominator to 2 decimals, or null with `reason` when the denominator is zero. */
export function ratio(numerator: bigint | number, denominator: bigint | number, reason: string): Figure {
  const d = BigInt(denominator);
  if (d === 0n) return { value: null, reason };
  return { value: fromHundredths(hundredths(BigInt(numerator), d)) };
}

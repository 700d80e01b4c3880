/**
 * Annual rates as exact decimals. A rate is written as a decimal percent string ('4.00', '-0.88',
 * '12.125') and held as a bigint count of millionths of a percent, so that reference rate +
 * margin and principal × rate × days stay exact integers until the single final rounding.
 */

/** Millionths of a percent: 1% = 1_000_000n. */
export type MicroPercent = bigint;

const FRACTION_DIGITS = 6;
const SCALE = 10n ** BigInt(FRACTION_DIGITS);
const PERCENT_PATTERN = /^(-?)(\d{1,4})(?:\.(\d{1,6}))?$/;

export function isPercentString(value: string): boolean {
  return PERCENT_PATTERN.test(value);
}

/** '4.00' → 4_000_000n; at most 6 decimals, no exponent notation. */
export function parsePercent(value: string): MicroPercent {
  const match = PERCENT_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not a decimal percent with at most 6 decimals: ${value}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const units = BigInt(whole) * SCALE + BigInt(fraction.padEnd(FRACTION_DIGITS, '0'));
  return sign === '-' ? -units : units;
}

/** 12_000_000n → '12.00'; keeps at least 2 decimals and drops trailing zeros beyond them. */
export function formatPercent(value: MicroPercent): string {
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const whole = absolute / SCALE;
  let fraction = (absolute % SCALE).toString().padStart(FRACTION_DIGITS, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** The denominator that turns principal × micro-percent × days into minor units: 100 × 10^6 × basis. */
export function interestDenominator(dayCountBasis: number): bigint {
  return 100n * SCALE * BigInt(dayCountBasis);
}

/** Rounds a non-negative fraction half-up to an integer (0.5 → 1). */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n)
    throw new RangeError('roundHalfUp expects a non-negative fraction');
  return (2n * numerator + denominator) / (2n * denominator);
}

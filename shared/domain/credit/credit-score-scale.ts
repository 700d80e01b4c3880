/**
 * Bureaus rate on their own scales (Creditsafe 1–100 in most countries, other ranges elsewhere).
 * Recoup compares them on one: 0–100, higher is safer, linear in the bureau's value between the
 * ends of its stated scale. The debtor's `creditScore` (0–1000, read by the risk score) is ten
 * times that.
 */

/** Round half-up to an integer after snapping binary noise (70.4999999 → 70.5 → 71). */
function roundHalfUp(value: number): number {
  return Math.floor(Math.round(value * 1e6) / 1e6 + 0.5);
}

/**
 * 0–100 from a value on [min, max]; values outside the scale are clamped. Null when the scale is
 * empty or a number is not finite: better no score than a made-up one.
 */
export function normaliseScore(value: number, min: number, max: number): number | null {
  if (![value, min, max].every(Number.isFinite) || max <= min) return null;
  const clamped = Math.min(max, Math.max(min, value));
  return roundHalfUp(((clamped - min) / (max - min)) * 100);
}

/**
 * Where a bureau gives only its common band, the middle of the band on Creditsafe's international
 * scale (A 71–100, B 51–70, C 30–50, D 1–29). E is "not rated": no score.
 */
const BAND_MIDPOINTS: Readonly<Record<string, number>> = { A: 86, B: 61, C: 40, D: 15 };

export function scoreOfBand(band: string): number | null {
  return BAND_MIDPOINTS[band.toUpperCase()] ?? null;
}

/** The debtor's credit score (0–1000) from a normalised one (0–100). */
export function debtorCreditScore(normalised: number): number {
  if (!Number.isInteger(normalised) || normalised < 0 || normalised > 100) {
    throw new RangeError(`A normalised score is an integer from 0 to 100: ${normalised}`);
  }
  return normalised * 10;
}

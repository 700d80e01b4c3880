/**
 * Accounting APIs (QuickBooks Online, Xero) send amounts as JSON numbers in the currency's units
 * (`1250.5`, `12.345`). A JSON number is read into a double, and `String(double)` gives back the
 * shortest decimal that reads as the same double: for any amount written with up to 15
 * significant digits, exactly the digits the provider wrote. Minor units are taken from that
 * decimal string by moving the decimal point, never by multiplying a float.
 */
import { currencyExponent, type CurrencyCode } from '../money/currencies';

/** An amount that is not a plain decimal in the currency's decimals (too many places, NaN…). */
export class AmountNotExactError extends Error {
  constructor(value: unknown, currency: CurrencyCode) {
    super(`${String(value)} is not an exact amount in ${currency}`);
    this.name = 'AmountNotExactError';
  }
}

/**
 * Minor units of a decimal amount given as a JSON number or as its decimal text; extra decimal
 * places are accepted only when they are zeros (`12.50` in JPY is refused, `1200.00` is not).
 */
export function minorUnitsOfDecimal(value: number | string, currency: CurrencyCode): number {
  const exponent = currencyExponent(currency);
  const text = typeof value === 'number' ? decimalTextOfNumber(value) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/u.exec(text ?? '');
  if (!match) throw new AmountNotExactError(value, currency);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent && /[^0]/u.test(fraction.slice(exponent))) {
    throw new AmountNotExactError(value, currency);
  }
  const digits = `${whole}${fraction.slice(0, exponent).padEnd(exponent, '0')}`;
  const amount = Number(digits);
  if (!Number.isSafeInteger(amount)) throw new AmountNotExactError(value, currency);
  return sign === '-' && amount !== 0 ? -amount : amount;
}

/** The shortest round-trip decimal of a finite number, expanded when JS would use an exponent. */
function decimalTextOfNumber(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  if (!/e/iu.test(text)) return text;
  // 1e21 and above or below 1e-6: amounts that large cannot be safe minor units, and amounts
  // that small are not in any currency's decimals, so only a value of zero survives here.
  return value === 0 ? '0' : undefined;
}

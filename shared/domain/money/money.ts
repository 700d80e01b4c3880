/**
 * Money is an integer number of minor units with its ISO 4217 currency. Arithmetic refuses to
 * mix currencies: a sum across currencies needs an explicit, dated conversion.
 */
import { currencyExponent, isCurrencyCode, type CurrencyCode } from './currencies';

export interface Money {
  readonly amount: number;
  readonly currency: CurrencyCode;
}

export class CurrencyMismatchError extends Error {
  constructor(a: CurrencyCode, b: CurrencyCode) {
    super(`Cannot combine ${a} with ${b} without a conversion`);
    this.name = 'CurrencyMismatchError';
  }
}

export function money(amount: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amount must be a safe integer: ${amount}`);
  if (!isCurrencyCode(currency)) throw new RangeError(`Unknown ISO 4217 currency: ${currency}`);
  return { amount, currency };
}

export function zero(currency: CurrencyCode): Money {
  return money(0, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(currency: CurrencyCode, items: readonly Money[]): Money {
  return items.reduce(add, zero(currency));
}

export function compare(a: Money, b: Money): number {
  sameCurrency(a, b);
  return a.amount - b.amount;
}

export function minimum(a: Money, b: Money): Money {
  return compare(a, b) <= 0 ? a : b;
}

/**
 * Splits an amount into `parts` equal shares; the remainder is spread one minor unit each over
 * the first shares (100.00 / 3 → 33.34, 33.33, 33.33). Shares always add up to the total.
 */
export function split(total: Money, parts: number): Money[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`Cannot split into ${parts} parts`);
  const sign = total.amount < 0 ? -1 : 1;
  const absolute = Math.abs(total.amount);
  const base = Math.floor(absolute / parts);
  const remainder = absolute - base * parts;
  return Array.from({ length: parts }, (_, index) =>
    money(sign * (base + (index < remainder ? 1 : 0)), total.currency),
  );
}

/** Renders minor units as a plain decimal string in the currency's exponent (KWD 1500 → "1.500"). */
export function toDecimalString(value: Money): string {
  const exponent = currencyExponent(value.currency);
  const negative = value.amount < 0;
  const digits = String(Math.abs(value.amount)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Reads a decimal amount a person typed ("1250.5", "1,250.50", "1.250,50") into minor units,
 * exactly (no floating point); undefined when it is not an amount in that currency's decimals.
 * With both marks the last one is the decimal mark; a lone mark before exactly three digits
 * groups thousands, except in a currency with three decimals (KWD "1,234" is 1.234).
 */
export function fromDecimalString(text: string, currency: CurrencyCode): Money | undefined {
  const exponent = currencyExponent(currency);
  const compact = text.trim().replace(/[\s\u00a0\u202f']/gu, '');
  if (!/^\d[\d.,]*$/u.test(compact) || /[.,]$/u.test(compact)) return undefined;
  const marks = compact.replace(/\d/gu, '');
  const lastMark = compact.search(/[.,][^.,]*$/u);
  const tail = lastMark < 0 ? '' : compact.slice(lastMark + 1);
  const decimal =
    lastMark >= 0 &&
    (new Set(marks).size === 2 || (marks.length === 1 && (tail.length !== 3 || exponent === 3)));
  const whole = decimal ? compact.slice(0, lastMark) : compact;
  const fraction = decimal ? tail : '';
  const groups = whole.split(/[.,]/u);
  const grouped = groups.length === 1 || groups.slice(1).every((group) => group.length === 3);
  if (!grouped || groups[0]!.length === 0 || (groups.length > 1 && groups[0]!.length > 3)) return undefined;
  if (new Set(whole.replace(/\d/gu, '')).size > 1 || fraction.length > exponent) return undefined;
  const amount = Number(groups.join('') + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(amount) ? { amount, currency } : undefined;
}

/** Formats for people, in a locale, with the currency's own number of decimals. */
export function formatMoney(value: Money, locale: string): string {
  const exponent = currencyExponent(value.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
    // A decimal string keeps every digit exact; Intl formats strings as decimals (ES2023).
  }).format(toDecimalString(value) as Intl.StringNumericLiteral);
}

/**
 * Explicit currency conversion with a dated rate: the only way amounts of different currencies
 * meet. A rate is a decimal string ("1.0842" = 1 unit of `from` buys 1.0842 units of `to`);
 * conversion is exact rational arithmetic, rounded half-up once to the target's minor unit.
 */
import type { CalendarDate } from '../time/calendar-date';
import { currencyExponent, type CurrencyCode } from './currencies';
import { money, type Money } from './money';

export interface ExchangeRate {
  from: CurrencyCode;
  to: CurrencyCode;
  /** Decimal string, up to 12 fractional digits. */
  rate: string;
  /** The day the rate applies from. */
  date: CalendarDate;
  source?: string;
}

const RATE_PATTERN = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

export function isRate(value: string): boolean {
  const match = RATE_PATTERN.exec(value);
  return match !== null && BigInt(`${match[1]}${match[2] ?? ''}`) > 0n;
}

function rational(rate: string): { numerator: bigint; denominator: bigint } {
  const match = RATE_PATTERN.exec(rate);
  if (!match || !isRate(rate)) throw new RangeError(`Not a positive decimal rate: ${rate}`);
  const fraction = match[2] ?? '';
  return { numerator: BigInt(`${match[1]}${fraction}`), denominator: 10n ** BigInt(fraction.length) };
}

/** Converts minor units of `rate.from` into minor units of `rate.to`, half-up. */
export function convert(amount: Money, rate: ExchangeRate): Money {
  if (amount.currency !== rate.from)
    throw new RangeError(`The rate converts ${rate.from}, not ${amount.currency}`);
  const { numerator, denominator } = rational(rate.rate);
  const shift = currencyExponent(rate.to) - currencyExponent(rate.from);
  let top = BigInt(amount.amount) * numerator;
  let bottom = denominator;
  if (shift >= 0) top *= 10n ** BigInt(shift);
  else bottom *= 10n ** BigInt(-shift);
  const negative = top < 0n;
  const magnitude = negative ? -top : top;
  const rounded = (magnitude * 2n + bottom) / (bottom * 2n);
  return money(Number(negative ? -rounded : rounded), rate.to);
}

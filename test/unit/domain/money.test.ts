import fc from 'fast-check';
import { currencyExponent } from '../../../shared/domain/money/currencies';
import {
  add,
  CurrencyMismatchError,
  formatMoney,
  money,
  split,
  sum,
  toDecimalString,
} from '../../../shared/domain/money/money';

describe('money', () => {
  it('knows the ISO 4217 exponents', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('BHD')).toBe(3);
    expect(() => currencyExponent('XYZ')).toThrow(RangeError);
  });

  it('refuses floats, unknown currencies and sums across currencies', () => {
    expect(() => money(10.5, 'EUR')).toThrow(RangeError);
    expect(() => money(10, 'EURO')).toThrow(RangeError);
    expect(() => add(money(1, 'EUR'), money(1, 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => sum('EUR', [money(1, 'EUR'), money(1, 'GBP')])).toThrow(CurrencyMismatchError);
    expect(sum('EUR', [money(1, 'EUR'), money(2, 'EUR')])).toEqual(money(3, 'EUR'));
  });

  it('splits 100.00 into 33.34, 33.33, 33.33 (domain rules §1)', () => {
    expect(split(money(10000, 'EUR'), 3).map((part) => part.amount)).toEqual([3334, 3333, 3333]);
  });

  it('splits any amount into parts that add up and differ by at most one minor unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 500 }),
        (amount, parts) => {
          const shares = split(money(amount, 'EUR'), parts).map((share) => share.amount);
          expect(shares).toHaveLength(parts);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
          expect(Math.max(...shares.map(Math.abs)) - Math.min(...shares.map(Math.abs))).toBeLessThanOrEqual(
            1,
          );
          // The larger shares come first.
          const magnitudes = shares.map(Math.abs);
          expect([...magnitudes].sort((a, b) => b - a)).toEqual(magnitudes);
        },
      ),
    );
  });

  it('renders amounts in the currency exponent, exactly', () => {
    expect(toDecimalString(money(1500, 'JPY'))).toBe('1500');
    expect(toDecimalString(money(1500, 'EUR'))).toBe('15.00');
    expect(toDecimalString(money(1500, 'KWD'))).toBe('1.500');
    expect(toDecimalString(money(-5, 'EUR'))).toBe('-0.05');
    expect(toDecimalString(money(Number.MAX_SAFE_INTEGER, 'EUR'))).toBe('90071992547409.91');
  });

  it('formats JPY, EUR and KWD for people', () => {
    expect(formatMoney(money(150000, 'JPY'), 'en-US')).toBe('¥150,000');
    expect(formatMoney(money(123456, 'EUR'), 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMoney(money(1234567, 'KWD'), 'en-US')).toBe('KWD\u00a01,234.567');
  });

  it('round-trips every safe amount through its decimal string', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('JPY', 'EUR', 'KWD'),
        (amount, currency) => {
          const text = toDecimalString(money(amount, currency));
          expect(BigInt(text.replace('.', ''))).toBe(BigInt(amount));
        },
      ),
    );
  });
});

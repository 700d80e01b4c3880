import fc from 'fast-check';
import { convert, isRate } from '../../../shared/domain/money/conversion';
import { money } from '../../../shared/domain/money/money';

describe('currency conversion', () => {
  it('converts across exponents exactly, half-up once', () => {
    const rate = (from: string, to: string, value: string) => ({ from, to, rate: value, date: '2026-03-31' });
    expect(convert(money(100_00, 'USD'), rate('USD', 'EUR', '0.9234'))).toEqual(money(92_34, 'EUR'));
    expect(convert(money(1_000, 'JPY'), rate('JPY', 'EUR', '0.0061'))).toEqual(money(6_10, 'EUR'));
    expect(convert(money(1_500, 'KWD'), rate('KWD', 'EUR', '2.995'))).toEqual(money(4_49, 'EUR'));
    expect(convert(money(5, 'EUR'), rate('EUR', 'JPY', '162.5'))).toEqual(money(8, 'JPY'));
    expect(convert(money(1, 'EUR'), rate('EUR', 'USD', '0.5'))).toEqual(money(1, 'USD'));
    expect(() => convert(money(1, 'GBP'), rate('EUR', 'USD', '1.1'))).toThrow(RangeError);
  });

  it('accepts positive decimal rates only', () => {
    expect(isRate('1.0842')).toBe(true);
    expect(isRate('0')).toBe(false);
    expect(isRate('-1.2')).toBe(false);
    expect(isRate('1e3')).toBe(false);
  });

  it('is monotone and exact for a rate of one within one exponent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), (a, b) => {
        const rate = { from: 'USD', to: 'EUR', rate: '1.2345', date: '2026-01-01' };
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(convert(money(low, 'USD'), rate).amount).toBeLessThanOrEqual(
          convert(money(high, 'USD'), rate).amount,
        );
        expect(convert(money(a, 'USD'), { ...rate, rate: '1' }).amount).toBe(a);
      }),
    );
  });
});

import fc from 'fast-check';
import { formatMoney, fromDecimalString, toDecimalString } from '../../../shared/domain/money/money';

describe('amounts people type', () => {
  it.each([
    ['1250.5', 'EUR', 125_050],
    ['1,250.50', 'EUR', 125_050],
    ['1.250,50', 'EUR', 125_050],
    ['1250,50', 'EUR', 125_050],
    [' 12 ', 'EUR', 1_200],
    ['150000', 'JPY', 150_000],
    ['150,000', 'JPY', 150_000],
    ['1.234,567', 'KWD', 1_234_567],
    ['0.001', 'KWD', 1],
    ['12.345', 'EUR', 1_234_500],
    ['1,234,567', 'EUR', 123_456_700],
  ] as const)('%j %s is %i minor units', (text, currency, amount) => {
    expect(fromDecimalString(text, currency)).toEqual({ amount, currency });
  });

  it.each([
    ['12.3456', 'EUR'],
    ['1.25', 'JPY'],
    ['12,34.5', 'EUR'],
    ['1.', 'EUR'],
    ['1.5', 'JPY'],
    ['abc', 'EUR'],
    ['-5', 'EUR'],
    ['', 'EUR'],
    ['1,2,3', 'EUR'],
  ] as const)('%j is not an amount in %s', (text, currency) => {
    expect(fromDecimalString(text, currency)).toBeUndefined();
  });

  it('reads back every amount it writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom('EUR', 'JPY', 'KWD', 'USD'),
        (amount, currency) => {
          const value = { amount, currency } as const;
          expect(fromDecimalString(toDecimalString(value), currency)).toEqual(value);
          const typed = formatMoney(value, 'en-US').replace(/[^\d.,]/gu, '');
          expect(fromDecimalString(typed, currency)).toEqual(value);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { AmountNotExactError, minorUnitsOfDecimal } from '../../../shared/domain/connectors/decimal-amount';
import { toDecimalString } from '../../../shared/domain/money/money';

describe('amounts sent as JSON numbers', () => {
  it('reads exactly what a provider wrote, in each exponent', () => {
    expect(minorUnitsOfDecimal(1250.5, 'USD')).toBe(125_050);
    expect(minorUnitsOfDecimal(125000, 'JPY')).toBe(125_000);
    expect(minorUnitsOfDecimal(12.345, 'KWD')).toBe(12_345);
    expect(minorUnitsOfDecimal(19.99, 'USD')).toBe(1999);
    expect(minorUnitsOfDecimal('1200.00', 'JPY')).toBe(1200);
    expect(minorUnitsOfDecimal(-42.1, 'EUR')).toBe(-4210);
    expect(minorUnitsOfDecimal(0, 'KWD')).toBe(0);
  });

  it('refuses amounts with more places than the currency has, and non-numbers', () => {
    expect(() => minorUnitsOfDecimal(1.005, 'EUR')).toThrow(AmountNotExactError);
    expect(() => minorUnitsOfDecimal(12.5, 'JPY')).toThrow(AmountNotExactError);
    expect(() => minorUnitsOfDecimal(Number.NaN, 'EUR')).toThrow(AmountNotExactError);
    expect(() => minorUnitsOfDecimal(1e21, 'EUR')).toThrow(AmountNotExactError);
    expect(() => minorUnitsOfDecimal('1,250.00', 'EUR')).toThrow(AmountNotExactError);
  });

  it.each(['JPY', 'EUR', 'KWD'])('round-trips every amount a provider can write in %s', (currency) => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (minor) => {
        // The provider writes the decimal; JSON.parse turns it into a double; we read it back.
        const written = toDecimalString({ amount: minor, currency });
        const parsed = JSON.parse(written) as number;
        expect(minorUnitsOfDecimal(parsed, currency)).toBe(minor);
      }),
      { numRuns: 2000 },
    );
  });
});

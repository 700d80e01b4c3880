import fc from 'fast-check';
import {
  debtorCreditScore,
  normaliseScore,
  scoreOfBand,
} from '../../../shared/domain/credit/credit-score-scale';

describe('normalising a bureau score to 0–100', () => {
  it('maps the ends of the scale to 0 and 100, linearly between, half-up', () => {
    expect(normaliseScore(1, 1, 100)).toBe(0);
    expect(normaliseScore(100, 1, 100)).toBe(100);
    expect(normaliseScore(92, 1, 100)).toBe(92); // 91.92 → 92
    expect(normaliseScore(38, 1, 100)).toBe(37); // 37.37 → 37
    expect(normaliseScore(300, 100, 600)).toBe(40);
    expect(normaliseScore(3, 0, 4)).toBe(75);
    expect(normaliseScore(1, 0, 8)).toBe(13); // 12.5 → 13
  });

  it('clamps values outside the scale and refuses an empty or broken one', () => {
    expect(normaliseScore(150, 1, 100)).toBe(100);
    expect(normaliseScore(-5, 1, 100)).toBe(0);
    expect(normaliseScore(50, 100, 100)).toBeNull();
    expect(normaliseScore(50, 100, 1)).toBeNull();
    expect(normaliseScore(Number.NaN, 1, 100)).toBeNull();
  });

  const scale = fc
    .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 2000 }))
    .map(([min, width]) => ({ min, max: min + width }));

  it('is monotone: a better bureau value never gives a lower normalised score', () => {
    fc.assert(
      fc.property(
        scale,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const lowScore = normaliseScore(s.min + low * (s.max - s.min), s.min, s.max)!;
          const highScore = normaliseScore(s.min + high * (s.max - s.min), s.min, s.max)!;
          expect(lowScore).toBeLessThanOrEqual(highScore);
        },
      ),
    );
  });

  it('always lands on an integer from 0 to 100, and so the debtor score on 0–1000', () => {
    fc.assert(
      fc.property(scale, fc.double({ min: -5000, max: 5000, noNaN: true }), (s, value) => {
        const normalised = normaliseScore(value, s.min, s.max)!;
        expect(Number.isInteger(normalised)).toBe(true);
        expect(normalised).toBeGreaterThanOrEqual(0);
        expect(normalised).toBeLessThanOrEqual(100);
        expect(debtorCreditScore(normalised)).toBe(normalised * 10);
      }),
    );
  });

  it('places letter-only ratings in the middle of their band, better letters higher; E is not rated', () => {
    const scores = ['A', 'B', 'C', 'D'].map((band) => scoreOfBand(band)!);
    expect(scores).toEqual([86, 61, 40, 15]);
    expect(scoreOfBand('e')).toBeNull();
    expect(scoreOfBand('Z')).toBeNull();
  });

  it('refuses a normalised score off the scale', () => {
    expect(() => debtorCreditScore(101)).toThrow(RangeError);
    expect(() => debtorCreditScore(50.5)).toThrow(RangeError);
  });
});

import { isoDurationToMillis } from '../../../local/clock/iso-duration';

it('reads ISO 8601 durations of fixed length', () => {
  expect(isoDurationToMillis('P1D')).toBe(86_400_000);
  expect(isoDurationToMillis('PT2H30M')).toBe(9_000_000);
  expect(isoDurationToMillis('P1W')).toBe(604_800_000);
  expect(isoDurationToMillis('P1DT0.5S')).toBe(86_400_500);
  expect(isoDurationToMillis('P1M')).toBeUndefined();
  expect(isoDurationToMillis('P')).toBeUndefined();
  expect(isoDurationToMillis('PT')).toBeUndefined();
  expect(isoDurationToMillis('tomorrow')).toBeUndefined();
});

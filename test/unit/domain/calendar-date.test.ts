import {
  addDays,
  addMonthsClamped,
  daysBetween,
  isCalendarDate,
  isValidTimeZone,
  localDate,
  startOfLocalDay,
} from '../../../shared/domain/time/calendar-date';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-03-08T00:00:00Z')).toBe(false);
  });

  it('counts calendar days across a DST change as whole days', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-02-09', '2026-03-31')).toBe(50);
    expect(daysBetween('2026-03-31', '2026-03-07')).toBe(-24);
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02');
  });

  it('adds months keeping the day of month, clamped to month end (Jan 31 → Feb 28 → Mar 31)', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-08-31', 1)).toBe('2026-09-30');
  });

  it('finds the local calendar date of an instant in the debtor zone', () => {
    // 2026-11-03T01:45Z is 20:45 on 2026-11-02 in New York (EST).
    expect(localDate(new Date('2026-11-03T01:45:00Z'), 'America/New_York')).toBe('2026-11-02');
    expect(localDate(new Date('2026-11-03T01:45:00Z'), 'Asia/Tokyo')).toBe('2026-11-03');
  });

  it('starts a local day at the right instant on both sides of DST', () => {
    expect(startOfLocalDay('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-07T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/London').toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it('starts the day at the first instant that exists where clocks jump at midnight', () => {
    // Santiago springs forward at 00:00 on 2026-09-06: the day begins at 01:00 -03.
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('knows IANA zones only', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('+05:00')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

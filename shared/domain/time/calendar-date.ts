/**
 * Calendar dates (`YYYY-MM-DD`) are dates, not midnights: a due date is a day in someone's
 * calendar, and "today" depends on the time zone it is asked in.
 */
import { DateTime, IANAZone } from 'luxon';

export type CalendarDate = string;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): value is CalendarDate {
  if (!DATE_PATTERN.test(value)) return false;
  return DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

function parse(date: CalendarDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: 'UTC' });
  if (!isCalendarDate(date) || !parsed.isValid) throw new RangeError(`Not a calendar date: ${date}`);
  return parsed;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round(parse(to).diff(parse(from), 'days').days);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return parse(date).plus({ days }).toISODate() as CalendarDate;
}

/** Adds months keeping the day of month, clamped to the month's end (Jan 31 + 1 month → Feb 28/29). */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  return parse(date).plus({ months }).toISODate() as CalendarDate;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The calendar date an instant falls on in a time zone. */
export function localDate(instant: Date, zone: string): CalendarDate {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as CalendarDate;
}

/** The first instant of a calendar date in a time zone (start of that local day, DST-aware). */
export function startOfLocalDay(date: CalendarDate, zone: string): Date {
  return DateTime.fromISO(date, { zone }).startOf('day').toJSDate();
}

/**
 * Calendar dates (`YYYY-MM-DD`) are dates, not midnights: a due date is a day in someone's
 * calendar, and "today" depends on the time zone it is asked in. Date arithmetic is plain
 * proleptic-Gregorian day counting; only the mapping between instants and local dates needs
 * time-zone rules, which come from the IANA database through @date-fns/tz (Intl).
 */
import { TZDate } from '@date-fns/tz';

export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function parse(date: CalendarDate): { year: number; month: number; day: number } {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return { year, month, day };
}

function format(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dayNumber(date: CalendarDate): number {
  const { year, month, day } = parse(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromDayNumber(days: number): CalendarDate {
  const value = new Date(days * DAY_MS);
  return format(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

export function isCalendarDate(value: string): value is CalendarDate {
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Adds months keeping the day of month, clamped to the month's end (Jan 31 + 1 month → Feb 28/29). */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return format(targetYear, targetMonth, Math.min(day, lastDay));
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** An IANA time zone name known to this runtime's time-zone database. */
export function isValidTimeZone(zone: string): boolean {
  if (!ZONE_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date an instant falls on in a time zone. */
export function localDate(instant: Date, zone: string): CalendarDate {
  const local = new TZDate(instant.getTime(), zone);
  return format(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/** The first instant of a calendar date in a time zone (start of that local day, DST-aware). */
export function startOfLocalDay(date: CalendarDate, zone: string): Date {
  const { year, month, day } = parse(date);
  return new Date(new TZDate(year, month - 1, day, zone).getTime());
}

/**
 * The validation period a US validation notice must state (12 CFR 1006.34(b)(5)): it ends 30 days
 * after the consumer receives the notice, and receipt may be assumed 5 days after sending
 * excluding Saturdays, Sundays and the legal public holidays of 5 U.S.C. 6103(a). A holiday on a
 * weekend also excludes its observed weekday: that can only lengthen the period, never cut it.
 */
import { addDays, type CalendarDate } from '../time/calendar-date';
import { dateToDayNumber, dayNumberToDate, isoWeekday } from '../time/zoned-time';
import type { ContactRulePack } from './contact-rule-pack';

/** The n-th (1-based; -1 = last) given ISO weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): CalendarDate {
  if (n > 0) {
    const first = dateToDayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
    const shift = (weekday - isoWeekday(first) + 7) % 7;
    return dayNumberToDate(first + shift + (n - 1) * 7);
  }
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const last = dateToDayNumber(nextMonth) - 1;
  return dayNumberToDate(last - ((isoWeekday(last) - weekday + 7) % 7));
}

/** Legal public holidays of a year (5 U.S.C. 6103(a)), with the observed weekday of weekend ones. */
export function usLegalPublicHolidays(year: number): Set<CalendarDate> {
  const fixed = ['01-01', '06-19', '07-04', '11-11', '12-25'].map((day) => `${year}-${day}`);
  const floating = [
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day
  ];
  const holidays = new Set<CalendarDate>([...fixed, ...floating]);
  for (const date of fixed) {
    const weekday = isoWeekday(dateToDayNumber(date));
    if (weekday === 6) holidays.add(addDays(date, -1));
    if (weekday === 7) holidays.add(addDays(date, 1));
  }
  return holidays;
}

export function assumedReceipt(sentOn: CalendarDate, days: number): CalendarDate {
  let date = sentOn;
  let counted = 0;
  while (counted < days) {
    date = addDays(date, 1);
    const weekday = isoWeekday(dateToDayNumber(date));
    if (weekday <= 5 && !usLegalPublicHolidays(Number(date.slice(0, 4))).has(date)) counted += 1;
  }
  return date;
}

export function validationPeriodEnd(
  sentOn: CalendarDate,
  notice: NonNullable<ContactRulePack['validationNotice']>,
): CalendarDate {
  return addDays(assumedReceipt(sentOn, notice.receiptAfterBusinessDays), notice.validationPeriodDays);
}

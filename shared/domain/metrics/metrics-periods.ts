/** Splits a period into the days or calendar months of a metrics series (the first and last may be partial). */
import { ValidationError } from '../errors';
import { addDays, type CalendarDate } from '../time/calendar-date';
import type { MetricsPeriod } from './ar-figures';

export type Granularity = 'day' | 'month';

/** Longest series answered at once: a year of days, ten years of months. */
export const MAX_SERIES_POINTS: Record<Granularity, number> = { day: 366, month: 120 };

export function metricsPeriods(period: MetricsPeriod, granularity: Granularity): MetricsPeriod[] {
  const periods: MetricsPeriod[] = [];
  let from = period.from;
  while (from <= period.to) {
    const end = granularity === 'day' ? from : lastDayOfMonth(from);
    const to = end < period.to ? end : period.to;
    periods.push({ from, to });
    if (periods.length > MAX_SERIES_POINTS[granularity]) {
      throw new ValidationError([
        {
          path: 'query.granularity',
          message: `gives more than ${MAX_SERIES_POINTS[granularity]} points for this period; shorten it or use a coarser granularity`,
        },
      ]);
    }
    from = addDays(to, 1);
  }
  return periods;
}

function lastDayOfMonth(date: CalendarDate): CalendarDate {
  const firstOfNext =
    date.slice(5, 7) === '12'
      ? `${Number(date.slice(0, 4)) + 1}-01-01`
      : `${date.slice(0, 4)}-${String(Number(date.slice(5, 7)) + 1).padStart(2, '0')}-01`;
  return addDays(firstOfNext, -1);
}

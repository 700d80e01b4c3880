/**
 * A tenant's day: it turns over at midnight in the creditor's time zone (settings `timezone`).
 * When it does, the day's jobs run once for that local date, in this order, so each reads what
 * the one before settled: promises and plans decided and yesterday's figures rolled up
 * (`close-day`), then the cases whose invoices enter their window today are opened, then the
 * alerts of the new day, then the worklist that builds on both, then on
 * Mondays the week's cash forecast is recorded and the weekly report sent. Credit reports past the
 * tenant's refresh age are ordered again last: a slow or unavailable bureau holds nothing up. First
 * of all, merges whose request stopped before handing the cases over are handed over, so the
 * day's cases and worklist see the survivor's.
 */
import { addDays, daysBetween, type CalendarDate } from '../time/calendar-date';
import { dateToDayNumber, isoWeekday } from '../time/zoned-time';

export const TENANT_DAY_JOBS = [
  'unfinished-merges',
  'close-day',
  'open-cases',
  'due-date-alerts',
  'worklist',
  'cash-forecast',
  'weekly-report',
  'credit-refresh',
] as const;
export type TenantDayJobName = (typeof TENANT_DAY_JOBS)[number];

/** One job of one tenant for one local date: the unit the fan-out queue carries. */
export interface TenantDayJob {
  tenantId: string;
  /** The local date that just began. */
  date: CalendarDate;
  job: TenantDayJobName;
}

/** A tenant whose day may need opening: its registry entry. */
export interface TenantDayEntry {
  tenantId: string;
  /** The first instant (UTC) at which its next local day begins. */
  nextRunAt: string;
  /** The last local date whose jobs were queued. */
  openedThrough?: CalendarDate;
}

/** After an outage, at most this many missed days are caught up; older ones are left to reruns. */
export const MAX_CATCH_UP_DAYS = 35;

/** The local dates to open now: the days after `openedThrough` up to `today` (today alone at first). */
export function datesToOpen(openedThrough: CalendarDate | undefined, today: CalendarDate): CalendarDate[] {
  if (openedThrough === undefined) return [today];
  const missed = daysBetween(openedThrough, today);
  if (missed <= 0) return [];
  const first = Math.max(1, missed - MAX_CATCH_UP_DAYS + 1);
  return Array.from({ length: missed - first + 1 }, (_, index) => addDays(openedThrough, first + index));
}

const MONDAY_JOBS = new Set<TenantDayJobName>(['cash-forecast', 'weekly-report']);

/** The jobs of one opened date, in order; the forecast record and the weekly report on Mondays only. */
export function jobsOfDay(tenantId: string, date: CalendarDate): TenantDayJob[] {
  return TENANT_DAY_JOBS.filter((job) => !MONDAY_JOBS.has(job) || isMonday(date)).map((job) => ({
    tenantId,
    date,
    job,
  }));
}

export function isMonday(date: CalendarDate): boolean {
  return isoWeekday(dateToDayNumber(date)) === 1;
}

import type { ReceivableDay } from '../domain/metrics/receivable-day';
import type { CalendarDate } from '../domain/time/calendar-date';

/** The dates whose aggregates changed since the last rollup, per shard of the store. */
export interface ChangedDates {
  currency: string;
  byShard: { shard: string; dates: CalendarDate[] }[];
}

/** The day aggregates of a tenant's receivables, written with every ledger change. */
export interface ReceivableDayStore {
  changedDates(tenantId: string, currency: string): Promise<ChangedDates>;
  /** Forgets the changed dates up to `through` (those rolled up); later ones stay. */
  clearChangedDates(tenantId: string, changed: ChangedDates, through: CalendarDate): Promise<void>;
  /** Every day of one currency up to and including `through`, oldest first. */
  days(tenantId: string, currency: string, through: CalendarDate): Promise<ReceivableDay[]>;
}

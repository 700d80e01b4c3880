import type { TenantDayEntry, TenantDayJob } from '../domain/schedules/tenant-day';
import type { CalendarDate } from '../domain/time/calendar-date';

/** The registry of tenant days and the record of the jobs that ran. */
export interface ScheduleStore {
  /** Tenants whose next local day has begun by `now`. */
  dueTenants(now: Date): Promise<TenantDayEntry[]>;
  /** The earliest instant any tenant's next day begins (the local clock's next timer). */
  earliestRun(): Promise<string | undefined>;
  /** Records the dates queued; false when another dispatcher advanced the entry meanwhile. */
  advance(entry: TenantDayEntry, openedThrough: CalendarDate, nextRunAt: string): Promise<boolean>;
  hasRun(job: TenantDayJob): Promise<boolean>;
  markRun(job: TenantDayJob, at: Date): Promise<void>;
}

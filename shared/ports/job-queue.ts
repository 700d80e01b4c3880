import type { TenantDayJob } from '../domain/schedules/tenant-day';

/** Carries tenant-day jobs from the dispatcher to the workers, in order per tenant. */
export interface JobQueue {
  enqueue(jobs: readonly TenantDayJob[]): Promise<void>;
}

/**
 * The dispatcher behind the quarter-hour tick: every tenant whose local day has begun gets that
 * day's jobs queued (one message per job, in order per tenant), and its registry entry moves to
 * its next local midnight. Safe to run twice: an entry another run advanced is skipped, and each
 * job records that it ran.
 */
import { datesToOpen, jobsOfDay } from '../../domain/schedules/tenant-day';
import { addDays, localDate, startOfLocalDay } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';

export async function openTenantDays(
  services: Pick<Services, 'clock' | 'settings' | 'schedules' | 'jobs'>,
): Promise<{ tenants: number; jobs: number }> {
  const now = services.clock.now();
  let tenants = 0;
  let jobs = 0;
  for (const entry of await services.schedules.dueTenants(now)) {
    const { timezone } = await services.settings.get(entry.tenantId);
    const today = localDate(now, timezone);
    const dates = datesToOpen(entry.openedThrough, today);
    const queued = dates.flatMap((date) => jobsOfDay(entry.tenantId, date));
    await services.jobs.enqueue(queued);
    const nextRunAt = startOfLocalDay(addDays(today, 1), timezone).toISOString();
    const openedThrough = dates.at(-1) ?? entry.openedThrough ?? today;
    if (await services.schedules.advance(entry, openedThrough, nextRunAt)) {
      tenants += 1;
      jobs += queued.length;
    }
  }
  return { tenants, jobs };
}

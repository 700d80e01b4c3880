/**
 * The worker behind the jobs queue: runs one tenant-day job unless it already ran. Every job is
 * idempotent for its date on its own (deterministic ids, replaced worklists); the run record only
 * saves the work of a redelivered message.
 */
import type { TenantDayJob } from '../../domain/schedules/tenant-day';
import type { Services } from '../../runtime/services';
import { closeDay } from './close-day';
import { buildDailyWorklist } from './build-worklist';
import { sendDueDateAlerts } from './send-due-date-alerts';
import { sendWeeklyReport } from './send-weekly-report';
import { openDueCases } from './open-due-cases';
import { recordWeeklyForecast } from '../forecast/forecast-cash';
import { refreshCreditReports } from '../credit/refresh-credit-reports';
import { finishStoppedMerges } from '../debtors/finish-stopped-merges';

/** What the jobs use between them: the worker wires these. */
export type TenantDayJobServices = Pick<Services, 'clock' | 'schedules'> &
  Parameters<typeof finishStoppedMerges>[0] &
  Parameters<typeof closeDay>[0] &
  Parameters<typeof openDueCases>[0] &
  Parameters<typeof sendDueDateAlerts>[0] &
  Parameters<typeof buildDailyWorklist>[0] &
  Parameters<typeof recordWeeklyForecast>[0] &
  Parameters<typeof sendWeeklyReport>[0] &
  Parameters<typeof refreshCreditReports>[0];

export async function runTenantDayJob(
  services: TenantDayJobServices,
  job: TenantDayJob,
): Promise<'ran' | 'skipped'> {
  if (await services.schedules.hasRun(job)) return 'skipped';
  switch (job.job) {
    case 'unfinished-merges':
      await finishStoppedMerges(services, job.tenantId);
      break;
    case 'close-day':
      await closeDay(services, job.tenantId, job.date);
      break;
    case 'open-cases':
      await openDueCases(services, job.tenantId, job.date);
      break;
    case 'due-date-alerts':
      await sendDueDateAlerts(services, job.tenantId, job.date);
      break;
    case 'worklist':
      await buildDailyWorklist(services, job.tenantId, job.date);
      break;
    case 'cash-forecast':
      await recordWeeklyForecast(services, job.tenantId, job.date);
      break;
    case 'weekly-report':
      await sendWeeklyReport(services, job.tenantId, job.date);
      break;
    case 'credit-refresh':
      await refreshCreditReports(services, job.tenantId, job.date);
      break;
  }
  await services.schedules.markRun(job, services.clock.now());
  return 'ran';
}

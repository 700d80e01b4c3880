import { runTenantDayJob } from '../../shared/app/schedules/run-tenant-day-job';
import { services } from '../../shared/runtime/services';
import { jobWorkerHandler } from '../../shared/schedules/scheduled-handler';

export const handler = jobWorkerHandler((job) => runTenantDayJob(services(), job));

import { runTenantDayJob } from '../../shared/app/schedules/run-tenant-day-job';
import { creditBureauFromEnvironment } from '../../shared/runtime/credit-bureau';
import { provideCreditBureau, services } from '../../shared/runtime/services';
import { jobWorkerHandler } from '../../shared/schedules/scheduled-handler';

// The credit-refresh job orders reports: this worker reads the bureau's credentials.
provideCreditBureau(creditBureauFromEnvironment);

export const handler = jobWorkerHandler((job) => runTenantDayJob(services(), job));

import { exportMetrics } from '../../../shared/app/exports/export-metrics';
import { apiHandler } from '../../../shared/http/api-handler';
import { exportMetrics as route } from '../../../shared/http/routes/exports';
import { services } from '../../../shared/runtime/services';
import { csvResult } from '../../../shared/http/csv-result';

export const handler = apiHandler(route, async ({ actor, query }) =>
  csvResult(await exportMetrics(services(), { actor }, query)),
);

import { exportMetrics } from '../../../shared/app/exports/export-metrics';
import { apiHandler } from '../../../shared/http/api-handler';
import { exportMetrics as route } from '../../../shared/http/routes/exports';
import { csvResult } from '../../../shared/http/csv-result';
import { facts } from '../../../shared/runtime/factories/facts';
import { receivableDays } from '../../../shared/runtime/factories/receivable-days';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ facts, receivableDays, settings });

export const handler = apiHandler(route, services, async ({ actor, query }) =>
  csvResult(await exportMetrics(services(), { actor }, query)),
);

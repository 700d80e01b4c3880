import { getMetrics } from '../../../shared/app/metrics/get-metrics';
import { apiHandler } from '../../../shared/http/api-handler';
import { getMetrics as route } from '../../../shared/http/routes/metrics';
import { facts } from '../../../shared/runtime/factories/facts';
import { receivableDays } from '../../../shared/runtime/factories/receivable-days';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ facts, receivableDays, settings });

export const handler = apiHandler(route, services, async ({ actor, query }) => ({
  body: await getMetrics(services(), { actor }, query),
}));

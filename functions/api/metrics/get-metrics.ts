import { getMetrics } from '../../../shared/app/metrics/get-metrics';
import { apiHandler } from '../../../shared/http/api-handler';
import { getMetrics as route } from '../../../shared/http/routes/metrics';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, query }) => ({
  body: await getMetrics(services(), { actor }, query),
}));

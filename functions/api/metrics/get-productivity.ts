import { getProductivity } from '../../../shared/app/metrics/get-productivity';
import { apiHandler } from '../../../shared/http/api-handler';
import { getProductivity as route } from '../../../shared/http/routes/productivity';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, query }) => ({
  body: await getProductivity(services(), { actor }, query),
}));

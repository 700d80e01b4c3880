import { listPlans } from '../../../shared/app/plans/list-plans';
import { apiHandler } from '../../../shared/http/api-handler';
import { listPlans as route } from '../../../shared/http/routes/promises-and-plans';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await listPlans(services(), { actor }, params.id),
}));

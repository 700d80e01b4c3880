import { createPlan } from '../../../shared/app/plans/create-plan';
import { apiHandler } from '../../../shared/http/api-handler';
import { createPlan as route } from '../../../shared/http/routes/promises-and-plans';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => ({
  body: (await createPlan(services(), { actor, idempotency }, params.id, body)).view,
}));

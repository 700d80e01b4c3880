import { simulatePolicy } from '../../../shared/app/policies/simulate-policy';
import { apiHandler } from '../../../shared/http/api-handler';
import { simulatePolicy as route } from '../../../shared/http/routes/policy-simulation';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, body }) => ({
  body: await simulatePolicy(services(), { actor }, params.id, body),
}));

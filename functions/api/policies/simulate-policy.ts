import { simulatePolicy } from '../../../shared/app/policies/simulate-policy';
import { apiHandler } from '../../../shared/http/api-handler';
import { simulatePolicy as route } from '../../../shared/http/routes/policy-simulation';
import { policies } from '../../../shared/runtime/factories/policies';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ policies, settings });

export const handler = apiHandler(route, services, async ({ actor, params, body }) => ({
  body: await simulatePolicy(services(), { actor }, params.id, body),
}));

import { listPolicies } from '../../../shared/app/policies/list-policies';
import { apiHandler } from '../../../shared/http/api-handler';
import { listPolicies as route } from '../../../shared/http/routes/policies';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, query }) => ({
  body: await listPolicies(services(), { actor }, query),
}));

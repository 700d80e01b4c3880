import { listPolicyVersions } from '../../../shared/app/policies/list-policy-versions';
import { apiHandler } from '../../../shared/http/api-handler';
import { listPolicyVersions as route } from '../../../shared/http/routes/policies';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => ({
  body: await listPolicyVersions(services(), { actor }, params.id, query),
}));

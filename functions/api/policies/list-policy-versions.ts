import { listPolicyVersions } from '../../../shared/app/policies/list-policy-versions';
import { apiHandler } from '../../../shared/http/api-handler';
import { listPolicyVersions as route } from '../../../shared/http/routes/policies';
import { policies } from '../../../shared/runtime/factories/policies';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ policies });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => ({
  body: await listPolicyVersions(services(), { actor }, params.id, query),
}));

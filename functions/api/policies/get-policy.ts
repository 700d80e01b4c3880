import { getPolicy } from '../../../shared/app/policies/get-policy';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { getPolicy as route } from '../../../shared/http/routes/policies';
import { policies } from '../../../shared/runtime/factories/policies';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ policies });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => {
  const { policy, view } = await getPolicy(services(), { actor }, params.id, query.version);
  return { body: view, headers: etag(policy.version) };
});

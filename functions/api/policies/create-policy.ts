import { createPolicy } from '../../../shared/app/policies/create-policy';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { createPolicy as route } from '../../../shared/http/routes/policies';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, body }) => {
  const { policy, view } = await createPolicy(services(), { actor, idempotency }, body);
  return { body: view, headers: { location: `/v1/policies/${policy.id}`, ...etag(policy.version) } };
});

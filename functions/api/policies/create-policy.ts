import { createPolicy } from '../../../shared/app/policies/create-policy';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { createPolicy as route } from '../../../shared/http/routes/policies';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { policies } from '../../../shared/runtime/factories/policies';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ idempotency: idempotencyStore, policies });

export const handler = apiHandler(route, services, async ({ actor, idempotency, body }) => {
  const { policy, view } = await createPolicy(services(), { actor, idempotency }, body);
  return { body: view, headers: { location: `/v1/policies/${policy.id}`, ...etag(policy.version) } };
});

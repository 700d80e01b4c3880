import { updatePolicy } from '../../../shared/app/policies/update-policy';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { updatePolicy as route } from '../../../shared/http/routes/policies';
import { policies } from '../../../shared/runtime/factories/policies';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ policies });

export const handler = apiHandler(route, services, async ({ actor, params, body, ifMatch }) => {
  const { policy, view } = await updatePolicy(
    services(),
    { actor, expectedVersion: ifMatch },
    params.id,
    body,
  );
  return { body: view, headers: etag(policy.version) };
});

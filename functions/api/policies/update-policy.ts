import { updatePolicy } from '../../../shared/app/policies/update-policy';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { updatePolicy as route } from '../../../shared/http/routes/policies';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, body, ifMatch }) => {
  const { policy, view } = await updatePolicy(
    services(),
    { actor, expectedVersion: ifMatch },
    params.id,
    body,
  );
  return { body: view, headers: etag(policy.version) };
});

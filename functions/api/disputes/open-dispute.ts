import { openDispute } from '../../../shared/app/disputes/open-dispute';
import { apiHandler } from '../../../shared/http/api-handler';
import { openDispute as route } from '../../../shared/http/routes/disputes';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => {
  const { dispute, view } = await openDispute(services(), { actor, idempotency }, params.id, body.reason);
  return { body: view, headers: { location: `/v1/disputes/${dispute.id}` } };
});

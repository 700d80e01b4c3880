import { resolveDisputeCase } from '../../../shared/app/disputes/resolve-dispute';
import { outcomeResponse } from '../adjustments/outcome-response';
import { apiHandler } from '../../../shared/http/api-handler';
import { resolveDispute as route } from '../../../shared/http/routes/disputes';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => {
  const outcome = await resolveDisputeCase(services(), { actor, idempotency }, params.id, body);
  return outcomeResponse(outcome);
});

import { waiveCharge } from '../../../shared/app/interest/interest-charges';
import { apiHandler } from '../../../shared/http/api-handler';
import { waiveCharge as route } from '../../../shared/http/routes/interest';
import { services } from '../../../shared/runtime/services';
import { outcomeResponse } from '../adjustments/outcome-response';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) =>
  outcomeResponse(
    await waiveCharge(services(), { actor, idempotency }, params.id, params.chargeId, body.reason),
  ),
);

import { postInterestCharges } from '../../../shared/app/interest/interest-charges';
import { apiHandler } from '../../../shared/http/api-handler';
import { postInterestCharges as route } from '../../../shared/http/routes/interest';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) =>
  postInterestCharges(services(), { actor, idempotency }, params.id, body.asOf),
);

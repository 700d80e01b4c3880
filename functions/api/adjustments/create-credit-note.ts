import { requestAdjustment } from '../../../shared/app/adjustments/request-adjustment';
import { outcomeResponse } from './outcome-response';
import { apiHandler } from '../../../shared/http/api-handler';
import { createCreditNote as route } from '../../../shared/http/routes/adjustments';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => {
  const outcome = await requestAdjustment(
    services(),
    { actor, idempotency },
    { invoiceId: params.id, kind: 'credit_note', ...body },
  );
  return outcomeResponse(outcome);
});

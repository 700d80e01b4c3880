import { reversePayment } from '../../../shared/app/payments/reverse-payment';
import { apiHandler } from '../../../shared/http/api-handler';
import { reversePayment as route } from '../../../shared/http/routes/payments';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => ({
  body: (await reversePayment(services(), { actor, idempotency }, params.id, body.reason)).view,
}));

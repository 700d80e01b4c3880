import { recordPayment } from '../../../shared/app/payments/record-payment';
import { apiHandler } from '../../../shared/http/api-handler';
import { createPayment as route } from '../../../shared/http/routes/payments';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, body }) => {
  const { payment, view } = await recordPayment(services(), { actor, idempotency }, body);
  return { body: view, headers: { location: `/v1/payments/${payment.id}` } };
});

import { startCheckout } from '../../../shared/app/payments/start-checkout';
import { apiHandler } from '../../../shared/http/api-handler';
import { startCheckout as route } from '../../../shared/http/routes/online-payments';
import { paymentsFromEnvironment } from '../../../shared/runtime/payment-provider';
import { providePaymentProvider, services } from '../../../shared/runtime/services';

providePaymentProvider(paymentsFromEnvironment);

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => ({
  body: await startCheckout(services(), { actor, idempotency }, params.id, body),
}));

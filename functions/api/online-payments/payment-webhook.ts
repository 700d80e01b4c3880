import { recordOnlinePayment } from '../../../shared/app/payments/record-online-payment';
import { apiHandler } from '../../../shared/http/api-handler';
import { HttpProblem } from '../../../shared/http/problem';
import { paymentWebhook as route } from '../../../shared/http/routes/online-payments';
import { InvalidWebhookError } from '../../../shared/ports/payment-provider';
import { paymentsFromEnvironment } from '../../../shared/runtime/payment-provider';
import { providePaymentProvider, services } from '../../../shared/runtime/services';

providePaymentProvider(paymentsFromEnvironment);

export const handler = apiHandler(route, async ({ raw }) => {
  let paid;
  try {
    paid = await services().payments.readWebhook(raw.body, raw.headers['stripe-signature']);
  } catch (error) {
    if (error instanceof InvalidWebhookError)
      throw new HttpProblem(400, 'The webhook signature does not verify');
    throw error;
  }
  if (!paid) return { body: { received: true, recorded: false } };
  const outcome = await recordOnlinePayment(services(), paid);
  return { body: { received: true, recorded: outcome === 'recorded' } };
});

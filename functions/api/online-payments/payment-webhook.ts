import { recordOnlinePayment } from '../../../shared/app/payments/record-online-payment';
import { signalCase } from '../../../shared/app/cases/signal-case';
import { apiHandler } from '../../../shared/http/api-handler';
import { HttpProblem } from '../../../shared/http/problem';
import { paymentWebhook as route } from '../../../shared/http/routes/online-payments';
import { InvalidWebhookError } from '../../../shared/ports/payment-provider';
import { cases } from '../../../shared/runtime/factories/cases';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency } from '../../../shared/runtime/factories/idempotency';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { payments } from '../../../shared/runtime/factories/payments';
import { policies } from '../../../shared/runtime/factories/policies';
import { workflow } from '../../../shared/runtime/factories/workflow';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ cases, debtors, idempotency, ledger, payments, policies, workflow });

export const handler = apiHandler(
  route,
  services,
  async ({ raw }) => {
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
  },
  signalCase,
);

import { recordPayment } from '../../../shared/app/payments/record-payment';
import { signalCase } from '../../../shared/app/cases/signal-case';
import { apiHandler } from '../../../shared/http/api-handler';
import { createPayment as route } from '../../../shared/http/routes/payments';
import { cases } from '../../../shared/runtime/factories/cases';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { policies } from '../../../shared/runtime/factories/policies';
import { workflow } from '../../../shared/runtime/factories/workflow';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ cases, debtors, idempotency: idempotencyStore, ledger, policies, workflow });

export const handler = apiHandler(
  route,
  services,
  async ({ actor, idempotency, body }) => {
    const { payment, view } = await recordPayment(services(), { actor, idempotency }, body);
    return { body: view, headers: { location: `/v1/payments/${payment.id}` } };
  },
  signalCase,
);

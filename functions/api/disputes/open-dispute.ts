import { openDispute } from '../../../shared/app/disputes/open-dispute';
import { signalCase } from '../../../shared/app/cases/signal-case';
import { apiHandler } from '../../../shared/http/api-handler';
import { openDispute as route } from '../../../shared/http/routes/disputes';
import { cases } from '../../../shared/runtime/factories/cases';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { policies } from '../../../shared/runtime/factories/policies';
import { workflow } from '../../../shared/runtime/factories/workflow';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({
  cases,
  debtors,
  idempotency: idempotencyStore,
  invoices,
  ledger,
  policies,
  workflow,
});

export const handler = apiHandler(
  route,
  services,
  async ({ actor, idempotency, params, body }) => {
    const { dispute, view } = await openDispute(services(), { actor, idempotency }, params.id, body.reason);
    return { body: view, headers: { location: `/v1/disputes/${dispute.id}` } };
  },
  signalCase,
);

import { createInvoice } from '../../../shared/app/invoices/create-invoice';
import { etag } from '../../../shared/app/views/etag';
import { signalCase } from '../../../shared/app/cases/signal-case';
import { apiHandler } from '../../../shared/http/api-handler';
import { createInvoice as route } from '../../../shared/http/routes/invoices';
import { cases } from '../../../shared/runtime/factories/cases';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { facts } from '../../../shared/runtime/factories/facts';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { policies } from '../../../shared/runtime/factories/policies';
import { workflow } from '../../../shared/runtime/factories/workflow';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({
  cases,
  debtors,
  facts,
  idempotency: idempotencyStore,
  ledger,
  policies,
  workflow,
});

export const handler = apiHandler(
  route,
  services,
  async ({ actor, idempotency, body }) => {
    const { invoice, view } = await createInvoice(services(), { actor, idempotency }, body);
    return { body: view, headers: { location: `/v1/invoices/${invoice.id}`, ...etag(invoice.version) } };
  },
  signalCase,
);

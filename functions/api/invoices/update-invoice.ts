import { updateInvoice } from '../../../shared/app/invoices/update-invoice';
import { etag } from '../../../shared/app/views/etag';
import { signalCase } from '../../../shared/app/cases/signal-case';
import { apiHandler } from '../../../shared/http/api-handler';
import { updateInvoice as route } from '../../../shared/http/routes/invoices';
import { cases } from '../../../shared/runtime/factories/cases';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { policies } from '../../../shared/runtime/factories/policies';
import { workflow } from '../../../shared/runtime/factories/workflow';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ cases, debtors, invoices, ledger, policies, workflow });

export const handler = apiHandler(
  route,
  services,
  async ({ actor, params, body, ifMatch }) => {
    const { invoice, view } = await updateInvoice(
      services(),
      { actor, expectedVersion: ifMatch },
      params.id,
      body,
    );
    return { body: view, headers: etag(invoice.version) };
  },
  signalCase,
);

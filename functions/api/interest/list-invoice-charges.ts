import { listInvoiceCharges } from '../../../shared/app/interest/interest-charges';
import { apiHandler } from '../../../shared/http/api-handler';
import { listInvoiceCharges as route } from '../../../shared/http/routes/interest';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, invoices, ledger });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await listInvoiceCharges(services(), { actor }, params.id),
}));

import { listDebtorInvoices } from '../../../shared/app/invoices/list-debtor-invoices';
import { apiHandler } from '../../../shared/http/api-handler';
import { listDebtorInvoices as route } from '../../../shared/http/routes/invoices';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, invoices });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => ({
  body: await listDebtorInvoices(services(), { actor }, params.id, query),
}));

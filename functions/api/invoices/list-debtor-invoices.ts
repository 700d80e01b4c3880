import { listDebtorInvoices } from '../../../shared/app/invoices/list-debtor-invoices';
import { apiHandler } from '../../../shared/http/api-handler';
import { listDebtorInvoices as route } from '../../../shared/http/routes/invoices';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => ({
  body: await listDebtorInvoices(services(), { actor }, params.id, query),
}));

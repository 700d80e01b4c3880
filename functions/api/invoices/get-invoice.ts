import { getInvoice } from '../../../shared/app/invoices/get-invoice';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { getInvoice as route } from '../../../shared/http/routes/invoices';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => {
  const { invoice, view } = await getInvoice(services(), { actor }, params.id);
  return { body: view, headers: etag(invoice.version) };
});

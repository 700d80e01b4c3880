import { getInvoice } from '../../../shared/app/invoices/get-invoice';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { getInvoice as route } from '../../../shared/http/routes/invoices';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ invoices });

export const handler = apiHandler(route, services, async ({ actor, params }) => {
  const { invoice, view } = await getInvoice(services(), { actor }, params.id);
  return { body: view, headers: etag(invoice.version) };
});

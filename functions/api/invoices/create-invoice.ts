import { createInvoice } from '../../../shared/app/invoices/create-invoice';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { createInvoice as route } from '../../../shared/http/routes/invoices';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, body }) => {
  const { invoice, view } = await createInvoice(services(), { actor, idempotency }, body);
  return { body: view, headers: { location: `/v1/invoices/${invoice.id}`, ...etag(invoice.version) } };
});

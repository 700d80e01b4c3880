import { updateInvoice } from '../../../shared/app/invoices/update-invoice';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { updateInvoice as route } from '../../../shared/http/routes/invoices';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, body, ifMatch }) => {
  const { invoice, view } = await updateInvoice(
    services(),
    { actor, expectedVersion: ifMatch },
    params.id,
    body,
  );
  return { body: view, headers: etag(invoice.version) };
});

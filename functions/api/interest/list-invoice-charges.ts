import { listInvoiceCharges } from '../../../shared/app/interest/interest-charges';
import { apiHandler } from '../../../shared/http/api-handler';
import { listInvoiceCharges as route } from '../../../shared/http/routes/interest';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await listInvoiceCharges(services(), { actor }, params.id),
}));

import { getInvoiceInterest } from '../../../shared/app/interest/get-invoice-interest';
import { apiHandler } from '../../../shared/http/api-handler';
import { getInvoiceInterest as route } from '../../../shared/http/routes/interest';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => ({
  body: (await getInvoiceInterest(services(), { actor }, params.id, query)).view,
}));

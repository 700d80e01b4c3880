import { listDebtorPayments } from '../../../shared/app/payments/get-payment';
import { apiHandler } from '../../../shared/http/api-handler';
import { listDebtorPayments as route } from '../../../shared/http/routes/payments';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => ({
  body: await listDebtorPayments(services(), { actor }, params.id, query),
}));

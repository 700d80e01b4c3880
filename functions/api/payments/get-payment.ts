import { getPayment } from '../../../shared/app/payments/get-payment';
import { apiHandler } from '../../../shared/http/api-handler';
import { getPayment as route } from '../../../shared/http/routes/payments';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: (await getPayment(services(), { actor }, params.id)).view,
}));

import { getPayment } from '../../../shared/app/payments/get-payment';
import { apiHandler } from '../../../shared/http/api-handler';
import { getPayment as route } from '../../../shared/http/routes/payments';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ ledger });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: (await getPayment(services(), { actor }, params.id)).view,
}));

import { listDebtorPayments } from '../../../shared/app/payments/get-payment';
import { apiHandler } from '../../../shared/http/api-handler';
import { listDebtorPayments as route } from '../../../shared/http/routes/payments';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, ledger });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => ({
  body: await listDebtorPayments(services(), { actor }, params.id, query),
}));

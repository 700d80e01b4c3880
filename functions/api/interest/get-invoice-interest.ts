import { getInvoiceInterest } from '../../../shared/app/interest/get-invoice-interest';
import { apiHandler } from '../../../shared/http/api-handler';
import { getInvoiceInterest as route } from '../../../shared/http/routes/interest';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, invoices, ledger });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => ({
  body: (await getInvoiceInterest(services(), { actor }, params.id, query)).view,
}));

import { pushInvoiceNote } from '../../../shared/app/connectors/push-invoice-note';
import { apiHandler } from '../../../shared/http/api-handler';
import { pushInvoiceNote as route } from '../../../shared/http/routes/connections';
import { accountingFromEnvironment } from '../../../shared/runtime/accounting-connectors';
import { provideAccountingConnectors, services } from '../../../shared/runtime/services';

provideAccountingConnectors(accountingFromEnvironment);

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => ({
  body: await pushInvoiceNote(services(), { actor, idempotency }, params.id, body.text),
}));

import { pushInvoiceNote } from '../../../shared/app/connectors/push-invoice-note';
import { apiHandler } from '../../../shared/http/api-handler';
import { pushInvoiceNote as route } from '../../../shared/http/routes/connections';
import { connections } from '../../../shared/runtime/factories/connections';
import { connectors } from '../../../shared/runtime/factories/connectors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { tokenCipher } from '../../../shared/runtime/factories/token-cipher';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({
  connections,
  connectors,
  idempotency: idempotencyStore,
  invoices,
  tokenCipher,
});

export const handler = apiHandler(route, services, async ({ actor, idempotency, params, body }) => ({
  body: await pushInvoiceNote(services(), { actor, idempotency }, params.id, body.text),
}));

import { startConnection } from '../../../shared/app/connectors/start-connection';
import { apiHandler } from '../../../shared/http/api-handler';
import { createConnection as route } from '../../../shared/http/routes/connections';
import { connections } from '../../../shared/runtime/factories/connections';
import { connectors } from '../../../shared/runtime/factories/connectors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { settings } from '../../../shared/runtime/factories/settings';
import { tokenCipher } from '../../../shared/runtime/factories/token-cipher';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({
  connections,
  connectors,
  idempotency: idempotencyStore,
  settings,
  tokenCipher,
});

export const handler = apiHandler(route, services, async ({ actor, idempotency, body }) => ({
  body: await startConnection(services(), { actor, idempotency }, body),
}));

import { startConnection } from '../../../shared/app/connectors/start-connection';
import { apiHandler } from '../../../shared/http/api-handler';
import { createConnection as route } from '../../../shared/http/routes/connections';
import { accountingFromEnvironment } from '../../../shared/runtime/accounting-connectors';
import { provideAccountingConnectors, services } from '../../../shared/runtime/services';

provideAccountingConnectors(accountingFromEnvironment);

export const handler = apiHandler(route, async ({ actor, idempotency, body }) => ({
  body: await startConnection(services(), { actor, idempotency }, body),
}));

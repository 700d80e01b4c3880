import { deleteConnection } from '../../../shared/app/connectors/delete-connection';
import { apiHandler } from '../../../shared/http/api-handler';
import { deleteConnection as route } from '../../../shared/http/routes/connections';
import { accountingFromEnvironment } from '../../../shared/runtime/accounting-connectors';
import { provideAccountingConnectors, services } from '../../../shared/runtime/services';

provideAccountingConnectors(accountingFromEnvironment);

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await deleteConnection(services(), { actor }, params.id),
}));

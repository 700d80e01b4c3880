import { completeConnection } from '../../../shared/app/connectors/complete-connection';
import { apiHandler } from '../../../shared/http/api-handler';
import { connectionCallback as route } from '../../../shared/http/routes/connections';
import { accountingFromEnvironment } from '../../../shared/runtime/accounting-connectors';
import { provideAccountingConnectors, services } from '../../../shared/runtime/services';

provideAccountingConnectors(accountingFromEnvironment);

/** No token: the sealed `state` names the tenant, and completeConnection opens it before anything. */
export const handler = apiHandler(route, async ({ query }) => ({
  body: await completeConnection(services(), query),
}));

import { listConnections } from '../../../shared/app/connectors/list-connections';
import { apiHandler } from '../../../shared/http/api-handler';
import { listConnections as route } from '../../../shared/http/routes/connections';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor }) => ({
  body: await listConnections(services(), { actor }),
}));

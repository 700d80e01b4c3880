import { listConnections } from '../../../shared/app/connectors/list-connections';
import { apiHandler } from '../../../shared/http/api-handler';
import { listConnections as route } from '../../../shared/http/routes/connections';
import { connections } from '../../../shared/runtime/factories/connections';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ connections });

export const handler = apiHandler(route, services, async ({ actor }) => ({
  body: await listConnections(services(), { actor }),
}));

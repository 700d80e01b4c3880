import { deleteConnection } from '../../../shared/app/connectors/delete-connection';
import { apiHandler } from '../../../shared/http/api-handler';
import { deleteConnection as route } from '../../../shared/http/routes/connections';
import { connections } from '../../../shared/runtime/factories/connections';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ connections });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await deleteConnection(services(), { actor }, params.id),
}));

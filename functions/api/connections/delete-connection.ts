import { deleteConnection } from '../../../shared/app/connectors/delete-connection';
import { apiHandler } from '../../../shared/http/api-handler';
import { deleteConnection as route } from '../../../shared/http/routes/connections';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await deleteConnection(services(), { actor }, params.id),
}));

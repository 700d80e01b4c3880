import { deleteConnection } from '../../../shared/app/connectors/delete-connection';
import { apiHandler } from '../../../shared/http/api-handler';
import { deleteConnection as route } from '../../../shared/http/routes/connections';
import { connections } from '../../../shared/runtime/factories/connections';
import { connectors } from '../../../shared/runtime/factories/connectors';
import { tokenCipher } from '../../../shared/runtime/factories/token-cipher';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ connections, connectors, tokenCipher });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await deleteConnection(services(), { actor }, params.id),
}));

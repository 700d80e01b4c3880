import { completeConnection } from '../../../shared/app/connectors/complete-connection';
import { apiHandler } from '../../../shared/http/api-handler';
import { connectionCallback as route } from '../../../shared/http/routes/connections';
import { connections } from '../../../shared/runtime/factories/connections';
import { connectors } from '../../../shared/runtime/factories/connectors';
import { tokenCipher } from '../../../shared/runtime/factories/token-cipher';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ connections, connectors, tokenCipher });

/** No token: the sealed `state` names the tenant, and completeConnection opens it before anything. */
export const handler = apiHandler(route, services, async ({ query }) => ({
  body: await completeConnection(services(), query),
}));

import { requestSync } from '../../../shared/app/connectors/request-sync';
import { apiHandler } from '../../../shared/http/api-handler';
import { syncConnection as route } from '../../../shared/http/routes/connections';
import { connections } from '../../../shared/runtime/factories/connections';
import { syncRunner } from '../../../shared/runtime/factories/sync-runner';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ connections, syncRunner });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  statusCode: 202,
  body: await requestSync(services(), { actor }, params.id),
}));

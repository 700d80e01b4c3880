import { requestSync } from '../../../shared/app/connectors/request-sync';
import { apiHandler } from '../../../shared/http/api-handler';
import { syncConnection as route } from '../../../shared/http/routes/connections';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  statusCode: 202,
  body: await requestSync(services(), { actor }, params.id),
}));

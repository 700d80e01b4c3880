import { listPromises } from '../../../shared/app/promises/list-promises';
import { apiHandler } from '../../../shared/http/api-handler';
import { listPromises as route } from '../../../shared/http/routes/promises-and-plans';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await listPromises(services(), { actor }, params.id),
}));

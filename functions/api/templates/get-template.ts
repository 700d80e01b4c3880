import { getTemplate } from '../../../shared/app/templates/templates';
import { apiHandler } from '../../../shared/http/api-handler';
import { getTemplate as route } from '../../../shared/http/routes/templates';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => ({
  body: await getTemplate(services(), { actor }, params.id, query.version),
}));

import { updateTemplate } from '../../../shared/app/templates/templates';
import { apiHandler } from '../../../shared/http/api-handler';
import { updateTemplate as route } from '../../../shared/http/routes/templates';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, ifMatch, params, body }) => {
  const view = await updateTemplate(services(), { actor, expectedVersion: ifMatch }, params.id, body);
  return { body: view, headers: { etag: `"${view.version}"` } };
});

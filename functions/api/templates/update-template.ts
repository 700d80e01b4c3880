import { updateTemplate } from '../../../shared/app/templates/templates';
import { apiHandler } from '../../../shared/http/api-handler';
import { updateTemplate as route } from '../../../shared/http/routes/templates';
import { templates } from '../../../shared/runtime/factories/templates';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ templates });

export const handler = apiHandler(route, services, async ({ actor, ifMatch, params, body }) => {
  const view = await updateTemplate(services(), { actor, expectedVersion: ifMatch }, params.id, body);
  return { body: view, headers: { etag: `"${view.version}"` } };
});

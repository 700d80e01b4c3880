import { previewTemplate } from '../../../shared/app/templates/preview-template';
import { apiHandler } from '../../../shared/http/api-handler';
import { previewTemplate as route } from '../../../shared/http/routes/templates';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, body }) => ({
  body: await previewTemplate(services(), { actor }, params.id, body),
}));

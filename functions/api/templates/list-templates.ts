import { listTemplates } from '../../../shared/app/templates/templates';
import { apiHandler } from '../../../shared/http/api-handler';
import { listTemplates as route } from '../../../shared/http/routes/templates';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor }) => ({
  body: await listTemplates(services(), { actor }),
}));

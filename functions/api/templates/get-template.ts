import { getTemplate } from '../../../shared/app/templates/templates';
import { apiHandler } from '../../../shared/http/api-handler';
import { getTemplate as route } from '../../../shared/http/routes/templates';
import { templates } from '../../../shared/runtime/factories/templates';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ templates });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => ({
  body: await getTemplate(services(), { actor }, params.id, query.version),
}));

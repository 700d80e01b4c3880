import { getImport } from '../../../shared/app/imports/get-import';
import { apiHandler } from '../../../shared/http/api-handler';
import { getImport as route } from '../../../shared/http/routes/imports';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await getImport(services(), { actor }, params.id),
}));

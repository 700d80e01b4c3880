import { getImport } from '../../../shared/app/imports/get-import';
import { apiHandler } from '../../../shared/http/api-handler';
import { getImport as route } from '../../../shared/http/routes/imports';
import { imports } from '../../../shared/runtime/factories/imports';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ imports });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await getImport(services(), { actor }, params.id),
}));

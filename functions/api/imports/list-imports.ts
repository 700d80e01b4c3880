import { listImports } from '../../../shared/app/imports/get-import';
import { apiHandler } from '../../../shared/http/api-handler';
import { listImports as route } from '../../../shared/http/routes/imports';
import { imports } from '../../../shared/runtime/factories/imports';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ imports });

export const handler = apiHandler(route, services, async ({ actor, query }) => ({
  body: await listImports(services(), { actor }, query),
}));

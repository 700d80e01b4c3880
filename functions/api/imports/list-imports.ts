import { listImports } from '../../../shared/app/imports/get-import';
import { apiHandler } from '../../../shared/http/api-handler';
import { listImports as route } from '../../../shared/http/routes/imports';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, query }) => ({
  body: await listImports(services(), { actor }, query),
}));

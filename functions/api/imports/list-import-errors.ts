import { listImportErrors } from '../../../shared/app/imports/get-import';
import { apiHandler } from '../../../shared/http/api-handler';
import { listImportErrors as route } from '../../../shared/http/routes/imports';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => ({
  body: await listImportErrors(services(), { actor }, params.id, query),
}));

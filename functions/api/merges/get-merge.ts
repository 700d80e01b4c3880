import { getMerge } from '../../../shared/app/debtors/get-merge';
import { apiHandler } from '../../../shared/http/api-handler';
import { getMerge as route } from '../../../shared/http/routes/merges';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await getMerge(services(), { actor }, params.id),
}));

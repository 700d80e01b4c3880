import { getWorklist } from '../../../shared/app/worklist/get-worklist';
import { apiHandler } from '../../../shared/http/api-handler';
import { getWorklist as route } from '../../../shared/http/routes/worklist';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, query }) => ({
  body: await getWorklist(services(), { actor }, query),
}));

import { listActivities } from '../../../shared/app/contacts/list-activities';
import { apiHandler } from '../../../shared/http/api-handler';
import { listActivities as route } from '../../../shared/http/routes/contacts';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => ({
  body: await listActivities(services(), { actor }, params.id, query),
}));

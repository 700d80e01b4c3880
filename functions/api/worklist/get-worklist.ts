import { getWorklist } from '../../../shared/app/worklist/get-worklist';
import { apiHandler } from '../../../shared/http/api-handler';
import { getWorklist as route } from '../../../shared/http/routes/worklist';
import { settings } from '../../../shared/runtime/factories/settings';
import { worklists } from '../../../shared/runtime/factories/worklists';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ settings, worklists });

export const handler = apiHandler(route, services, async ({ actor, query }) => ({
  body: await getWorklist(services(), { actor }, query),
}));

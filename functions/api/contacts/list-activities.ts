import { listActivities } from '../../../shared/app/contacts/list-activities';
import { apiHandler } from '../../../shared/http/api-handler';
import { listActivities as route } from '../../../shared/http/routes/contacts';
import { contacts } from '../../../shared/runtime/factories/contacts';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ contacts, debtors });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => ({
  body: await listActivities(services(), { actor }, params.id, query),
}));

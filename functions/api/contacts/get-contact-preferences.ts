import { getContactPreferences } from '../../../shared/app/contacts/contact-preferences';
import { apiHandler } from '../../../shared/http/api-handler';
import { getContactPreferences as route } from '../../../shared/http/routes/contacts';
import { contacts } from '../../../shared/runtime/factories/contacts';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ contacts, debtors });

export const handler = apiHandler(route, services, async ({ actor, params }) => {
  const view = await getContactPreferences(services(), { actor }, params.id);
  return { body: view, headers: { etag: `"${view.version}"` } };
});

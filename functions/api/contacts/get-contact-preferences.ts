import { getContactPreferences } from '../../../shared/app/contacts/contact-preferences';
import { apiHandler } from '../../../shared/http/api-handler';
import { getContactPreferences as route } from '../../../shared/http/routes/contacts';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => {
  const view = await getContactPreferences(services(), { actor }, params.id);
  return { body: view, headers: { etag: `"${view.version}"` } };
});

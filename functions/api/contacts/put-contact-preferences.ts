import { updateContactPreferences } from '../../../shared/app/contacts/contact-preferences';
import { apiHandler } from '../../../shared/http/api-handler';
import { putContactPreferences as route } from '../../../shared/http/routes/contacts';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, ifMatch, params, body }) => {
  const view = await updateContactPreferences(
    services(),
    { actor, expectedVersion: ifMatch },
    params.id,
    body,
  );
  return { body: view, headers: { etag: `"${view.version}"` } };
});

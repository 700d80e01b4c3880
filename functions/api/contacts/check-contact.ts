import { checkContact } from '../../../shared/app/contacts/check-contact';
import { apiHandler } from '../../../shared/http/api-handler';
import { checkContact as route } from '../../../shared/http/routes/contacts';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => ({
  body: await checkContact(services(), { actor }, params.id, query),
}));

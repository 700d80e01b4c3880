import { logActivity } from '../../../shared/app/contacts/log-activity';
import { apiHandler } from '../../../shared/http/api-handler';
import { logActivity as route } from '../../../shared/http/routes/contacts';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => ({
  body: await logActivity(services(), { actor, idempotency }, params.id, body),
}));

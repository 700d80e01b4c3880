import { createTemplate } from '../../../shared/app/templates/templates';
import { apiHandler } from '../../../shared/http/api-handler';
import { createTemplate as route } from '../../../shared/http/routes/templates';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, body }) => ({
  body: await createTemplate(services(), { actor, idempotency }, body),
}));

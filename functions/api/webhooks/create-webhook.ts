import { createWebhook } from '../../../shared/app/webhooks/webhook-endpoints';
import { apiHandler } from '../../../shared/http/api-handler';
import { createWebhook as route } from '../../../shared/http/routes/webhooks';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, body }) => ({
  body: await createWebhook(services(), { actor, idempotency }, body),
}));

import { createWebhook } from '../../../shared/app/webhooks/webhook-endpoints';
import { apiHandler } from '../../../shared/http/api-handler';
import { createWebhook as route } from '../../../shared/http/routes/webhooks';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { webhookUrlPolicy } from '../../../shared/runtime/factories/webhook-url-policy';
import { webhooks } from '../../../shared/runtime/factories/webhooks';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ idempotency: idempotencyStore, webhookUrlPolicy, webhooks });

export const handler = apiHandler(route, services, async ({ actor, idempotency, body }) => ({
  body: await createWebhook(services(), { actor, idempotency }, body),
}));

import { retryWebhookDelivery } from '../../../shared/app/webhooks/webhook-deliveries';
import { apiHandler } from '../../../shared/http/api-handler';
import { retryWebhookDelivery as route } from '../../../shared/http/routes/webhooks';
import { webhookQueue } from '../../../shared/runtime/factories/webhook-queue';
import { webhooks } from '../../../shared/runtime/factories/webhooks';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ webhookQueue, webhooks });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await retryWebhookDelivery(services(), { actor }, params.id, params.deliveryId),
}));

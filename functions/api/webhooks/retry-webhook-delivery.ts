import { retryWebhookDelivery } from '../../../shared/app/webhooks/webhook-deliveries';
import { apiHandler } from '../../../shared/http/api-handler';
import { retryWebhookDelivery as route } from '../../../shared/http/routes/webhooks';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await retryWebhookDelivery(services(), { actor }, params.id, params.deliveryId),
}));

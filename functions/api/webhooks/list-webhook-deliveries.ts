import { listWebhookDeliveries } from '../../../shared/app/webhooks/webhook-deliveries';
import { apiHandler } from '../../../shared/http/api-handler';
import { listWebhookDeliveries as route } from '../../../shared/http/routes/webhooks';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => ({
  body: await listWebhookDeliveries(services(), { actor }, params.id, query),
}));

import { listWebhookDeliveries } from '../../../shared/app/webhooks/webhook-deliveries';
import { apiHandler } from '../../../shared/http/api-handler';
import { listWebhookDeliveries as route } from '../../../shared/http/routes/webhooks';
import { webhooks } from '../../../shared/runtime/factories/webhooks';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ webhooks });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => ({
  body: await listWebhookDeliveries(services(), { actor }, params.id, query),
}));

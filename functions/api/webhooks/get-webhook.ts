import { getWebhook } from '../../../shared/app/webhooks/webhook-endpoints';
import { apiHandler } from '../../../shared/http/api-handler';
import { getWebhook as route } from '../../../shared/http/routes/webhooks';
import { webhooks } from '../../../shared/runtime/factories/webhooks';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ webhooks });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await getWebhook(services(), { actor }, params.id),
}));

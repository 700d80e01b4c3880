import { getWebhook } from '../../../shared/app/webhooks/webhook-endpoints';
import { apiHandler } from '../../../shared/http/api-handler';
import { getWebhook as route } from '../../../shared/http/routes/webhooks';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await getWebhook(services(), { actor }, params.id),
}));

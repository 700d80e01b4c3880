import { updateWebhook } from '../../../shared/app/webhooks/webhook-endpoints';
import { apiHandler } from '../../../shared/http/api-handler';
import { updateWebhook as route } from '../../../shared/http/routes/webhooks';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, body, ifMatch }) => ({
  body: await updateWebhook(services(), { actor, expectedVersion: ifMatch }, params.id, body),
}));

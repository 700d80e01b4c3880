import { updateWebhook } from '../../../shared/app/webhooks/webhook-endpoints';
import { apiHandler } from '../../../shared/http/api-handler';
import { updateWebhook as route } from '../../../shared/http/routes/webhooks';
import { webhookUrlPolicy } from '../../../shared/runtime/factories/webhook-url-policy';
import { webhooks } from '../../../shared/runtime/factories/webhooks';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ webhookUrlPolicy, webhooks });

export const handler = apiHandler(route, services, async ({ actor, params, body, ifMatch }) => ({
  body: await updateWebhook(services(), { actor, expectedVersion: ifMatch }, params.id, body),
}));

import { listWebhooks } from '../../../shared/app/webhooks/webhook-endpoints';
import { apiHandler } from '../../../shared/http/api-handler';
import { listWebhooks as route } from '../../../shared/http/routes/webhooks';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor }) => ({
  body: await listWebhooks(services(), { actor }),
}));

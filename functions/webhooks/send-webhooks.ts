import { services } from '../../shared/runtime/services';
import { webhookSenderHandler } from '../../shared/webhooks/webhook-handlers';

export const handler = webhookSenderHandler(services);

import { services } from '../../shared/runtime/services';
import { webhookRelayHandler } from '../../shared/webhooks/webhook-handlers';

export const handler = webhookRelayHandler(services);

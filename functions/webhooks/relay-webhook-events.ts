import { webhookRelayHandler } from '../../shared/webhooks/webhook-handlers';
import { webhookQueue } from '../../shared/runtime/factories/webhook-queue';
import { webhooks } from '../../shared/runtime/factories/webhooks';
import { wireServices } from '../../shared/runtime/wire-services';

const services = wireServices({ webhookQueue, webhooks });

export const handler = webhookRelayHandler(services);

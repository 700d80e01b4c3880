import { webhookSenderHandler } from '../../shared/webhooks/webhook-handlers';
import { messages } from '../../shared/runtime/factories/messages';
import { notifications } from '../../shared/runtime/factories/notifications';
import { settings } from '../../shared/runtime/factories/settings';
import { webhookQueue } from '../../shared/runtime/factories/webhook-queue';
import { webhookTransport } from '../../shared/runtime/factories/webhook-transport';
import { webhooks } from '../../shared/runtime/factories/webhooks';
import { wireServices } from '../../shared/runtime/wire-services';

const services = wireServices({
  messages,
  notifications,
  settings,
  webhookQueue,
  webhookTransport,
  webhooks,
});

export const handler = webhookSenderHandler(services);

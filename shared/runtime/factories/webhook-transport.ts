import { fetchWebhookTransport } from '../../adapters/http/fetch-webhook-transport';
import type { ServiceFactory } from '../wire-services';

export const webhookTransport: ServiceFactory<'webhookTransport'> = () => fetchWebhookTransport;

import { DynamoDbWebhookStore } from '../../adapters/dynamodb/webhook-store';
import type { ServiceFactory } from '../wire-services';

export const webhooks: ServiceFactory<'webhooks'> = ({ client, table, clock }) =>
  new DynamoDbWebhookStore(client, table, clock);

import { DynamoDbNotificationStore } from '../../adapters/dynamodb/notification-store';
import type { ServiceFactory } from '../wire-services';

export const notifications: ServiceFactory<'notifications'> = ({ client, table }) =>
  new DynamoDbNotificationStore(client, table);

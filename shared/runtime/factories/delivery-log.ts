import { DynamoDbDeliveryLog } from '../../adapters/dynamodb/delivery-log';
import type { ServiceFactory } from '../wire-services';

export const deliveryLog: ServiceFactory<'deliveryLog'> = ({ client, table }) =>
  new DynamoDbDeliveryLog(client, table);

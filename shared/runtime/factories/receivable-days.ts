import { DynamoDbReceivableDayStore } from '../../adapters/dynamodb/receivable-day-store';
import type { ServiceFactory } from '../wire-services';

export const receivableDays: ServiceFactory<'receivableDays'> = ({ client, table }) =>
  new DynamoDbReceivableDayStore(client, table);

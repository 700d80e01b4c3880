import { DynamoDbBulkRecords } from '../../adapters/dynamodb/bulk-records';
import type { ServiceFactory } from '../wire-services';

export const bulk: ServiceFactory<'bulk'> = ({ client, table, clock }) =>
  new DynamoDbBulkRecords(client, table, clock);

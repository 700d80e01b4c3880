import { DynamoDbConnectionStore } from '../../adapters/dynamodb/connection-store';
import type { ServiceFactory } from '../wire-services';

export const connections: ServiceFactory<'connections'> = ({ client, table, clock }) =>
  new DynamoDbConnectionStore(client, table, clock);

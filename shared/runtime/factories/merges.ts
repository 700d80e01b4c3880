import { DynamoDbMergeStore } from '../../adapters/dynamodb/merge-store';
import type { ServiceFactory } from '../wire-services';

export const merges: ServiceFactory<'merges'> = ({ client, table, clock }) =>
  new DynamoDbMergeStore(client, table, clock);

import { DynamoDbRollupStore } from '../../adapters/dynamodb/rollup-store';
import type { ServiceFactory } from '../wire-services';

export const rollups: ServiceFactory<'rollups'> = ({ client, table }) =>
  new DynamoDbRollupStore(client, table);

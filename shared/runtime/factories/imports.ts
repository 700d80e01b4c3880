import { DynamoDbImportStore } from '../../adapters/dynamodb/import-store';
import type { ServiceFactory } from '../wire-services';

export const imports: ServiceFactory<'imports'> = ({ client, table, clock }) =>
  new DynamoDbImportStore(client, table, clock);

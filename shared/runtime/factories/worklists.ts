import { DynamoDbWorklistStore } from '../../adapters/dynamodb/worklist-store';
import type { ServiceFactory } from '../wire-services';

export const worklists: ServiceFactory<'worklists'> = ({ client, table }) =>
  new DynamoDbWorklistStore(client, table);

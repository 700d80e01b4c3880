import { DynamoDbDocumentStore } from '../../adapters/dynamodb/document-store';
import type { ServiceFactory } from '../wire-services';

export const documents: ServiceFactory<'documents'> = ({ client, table, clock }) =>
  new DynamoDbDocumentStore(client, table, clock);

import { DynamoDbTemplateStore } from '../../adapters/dynamodb/template-store';
import type { ServiceFactory } from '../wire-services';

export const templates: ServiceFactory<'templates'> = ({ client, table, clock }) =>
  new DynamoDbTemplateStore(client, table, clock);

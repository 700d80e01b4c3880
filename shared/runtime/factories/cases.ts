import { DynamoDbCaseStore } from '../../adapters/dynamodb/case-store';
import type { ServiceFactory } from '../wire-services';

export const cases: ServiceFactory<'cases'> = ({ client, table, clock }) =>
  new DynamoDbCaseStore(client, table, clock);

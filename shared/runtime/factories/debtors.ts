import { DynamoDbDebtorStore } from '../../adapters/dynamodb/debtor-store';
import type { ServiceFactory } from '../wire-services';

export const debtors: ServiceFactory<'debtors'> = ({ client, table, clock }) =>
  new DynamoDbDebtorStore(client, table, clock);

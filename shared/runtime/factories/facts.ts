import { DynamoDbLedgerFactsReader } from '../../adapters/dynamodb/ledger-facts-reader';
import type { ServiceFactory } from '../wire-services';

export const facts: ServiceFactory<'facts'> = ({ client, table }) =>
  new DynamoDbLedgerFactsReader(client, table);

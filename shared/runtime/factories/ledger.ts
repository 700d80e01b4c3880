import { DynamoDbLedgerStore } from '../../adapters/dynamodb/ledger-store';
import type { ServiceFactory } from '../wire-services';
import { tenantTimeZone } from './tenant-time-zone';

export const ledger: ServiceFactory<'ledger'> = (context) =>
  new DynamoDbLedgerStore(context.client, context.table, context.clock, tenantTimeZone(context));

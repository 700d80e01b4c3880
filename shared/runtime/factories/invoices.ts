import { DynamoDbInvoiceStore } from '../../adapters/dynamodb/invoice-store';
import type { ServiceFactory } from '../wire-services';

export const invoices: ServiceFactory<'invoices'> = ({ client, table, clock }) =>
  new DynamoDbInvoiceStore(client, table, clock);

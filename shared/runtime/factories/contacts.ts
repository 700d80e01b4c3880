import { DynamoDbContactStore } from '../../adapters/dynamodb/contact-store';
import type { ServiceFactory } from '../wire-services';
import { tenantTimeZone } from './tenant-time-zone';

export const contacts: ServiceFactory<'contacts'> = (context) =>
  new DynamoDbContactStore(context.client, context.table, context.clock, tenantTimeZone(context));

import { DynamoDbIdempotencyStore } from '../../adapters/dynamodb/idempotency-store';
import type { ServiceFactory } from '../wire-services';

export const idempotency: ServiceFactory<'idempotency'> = ({ client, table }) =>
  new DynamoDbIdempotencyStore(client, table);

import { DynamoDbPolicyStore } from '../../adapters/dynamodb/policy-store';
import type { ServiceFactory } from '../wire-services';

export const policies: ServiceFactory<'policies'> = ({ client, table, clock }) =>
  new DynamoDbPolicyStore(client, table, clock);

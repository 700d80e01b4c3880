import { DynamoDbApprovalStore } from '../../adapters/dynamodb/approval-store';
import type { ServiceFactory } from '../wire-services';

export const approvals: ServiceFactory<'approvals'> = ({ client, table, clock }) =>
  new DynamoDbApprovalStore(client, table, clock);

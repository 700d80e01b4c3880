import { DynamoDbAuditLog } from '../../adapters/dynamodb/audit-log';
import type { ServiceFactory } from '../wire-services';

export const auditLog: ServiceFactory<'auditLog'> = ({ client, table }) =>
  new DynamoDbAuditLog(client, table);

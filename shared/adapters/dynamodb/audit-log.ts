import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import type { AuditLog } from '../../ports/audit-log';
import type { Page, PageRequest } from '../../ports/page';
import { keys } from './keys';
import { queryPage } from './query-page';

export class DynamoDbAuditLog implements AuditLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(tenantId: string, query: PageRequest & { entityId?: string }): Promise<Page<AuditEntry>> {
    const byEntity = query.entityId !== undefined;
    return queryPage<AuditEntry>(
      this.client,
      this.tableName,
      byEntity
        ? { partition: { attribute: 'pk', value: keys.auditPartition(tenantId, query.entityId as string) } }
        : { partition: { attribute: 'gsi1pk', value: keys.tenantAuditIndex(tenantId) }, newestFirst: true },
      query,
    );
  }
}

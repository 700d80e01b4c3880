import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import type { AuditLog } from '../../ports/audit-log';
import type { Page, PageRequest } from '../../ports/page';
import { decodeCursor, encodeCursor, sendPage } from './cursor';
import { keys, stripKeys } from './keys';

export class DynamoDbAuditLog implements AuditLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(tenantId: string, query: PageRequest & { entityId?: string }): Promise<Page<AuditEntry>> {
    const byEntity = query.entityId !== undefined;
    const partition = byEntity
      ? { attribute: 'pk', value: keys.auditPartition(tenantId, query.entityId as string) }
      : { attribute: 'gsi1pk', value: keys.tenantAuditIndex(tenantId) };
    const result = await sendPage(
      () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            ...(byEntity ? { ConsistentRead: true } : { IndexName: 'gsi1', ScanIndexForward: false }),
            KeyConditionExpression: `${partition.attribute} = :pk`,
            ExpressionAttributeValues: { ':pk': partition.value },
            Limit: query.limit,
            ExclusiveStartKey: decodeCursor(query.cursor, partition),
          }),
        ),
      query.cursor,
    );
    return {
      items: (result.Items ?? []).map((item) => stripKeys<AuditEntry>(item)),
      nextCursor: encodeCursor(result.LastEvaluatedKey),
    };
  }
}

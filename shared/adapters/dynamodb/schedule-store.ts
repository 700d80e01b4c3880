import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { TenantDayEntry, TenantDayJob } from '../../domain/schedules/tenant-day';
import type { ScheduleStore } from '../../ports/schedule-store';
import { keys } from './keys';
import { queryAll } from './query-page';
import type { TransactionStep } from './transaction';

/** Job records are kept for 90 days: long enough for any rerun of a period to find them. */
const JOB_RECORD_TTL_SECONDS = 90 * 24 * 3600;

export class DynamoDbScheduleStore implements ScheduleStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async dueTenants(now: Date): Promise<TenantDayEntry[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      // `~` sorts after every tenant id, so every entry due at `now` is included.
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
      ExpressionAttributeValues: { ':pk': keys.tenantDaysDue, ':now': `${now.toISOString()}#~` },
    });
    return items.map(entryOf);
  }

  async earliestRun(): Promise<string | undefined> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.tenantDaysDue },
        Limit: 1,
      }),
    );
    const item = result.Items?.[0];
    return item ? (item.nextRunAt as string) : undefined;
  }

  async advance(entry: TenantDayEntry, openedThrough: string, nextRunAt: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.tenantDay(entry.tenantId),
          UpdateExpression: 'SET openedThrough = :opened, nextRunAt = :next, gsi1sk = :sort',
          ConditionExpression: entry.openedThrough
            ? 'openedThrough = :previous'
            : 'attribute_not_exists(openedThrough)',
          ExpressionAttributeValues: {
            ':opened': openedThrough,
            ':next': nextRunAt,
            ':sort': `${nextRunAt}#${entry.tenantId}`,
            ...(entry.openedThrough ? { ':previous': entry.openedThrough } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async hasRun(job: TenantDayJob): Promise<boolean> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.scheduledJob(job.tenantId, job.date, job.job),
        ConsistentRead: true,
      }),
    );
    return result.Item !== undefined;
  }

  async markRun(job: TenantDayJob, at: Date): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.scheduledJob(job.tenantId, job.date, job.job),
          entity: 'ScheduledJobRun',
          ...job,
          ranAt: at.toISOString(),
          expiresAt: Math.floor(at.getTime() / 1000) + JOB_RECORD_TTL_SECONDS,
        },
      }),
    );
  }
}

/**
 * Registers a tenant for the daily schedules in the transaction that records its first invoice
 * in a currency; an existing registration is left as it is.
 */
export function tenantDayRegistration(tableName: string, tenantId: string, now: Date): TransactionStep {
  const nextRunAt = now.toISOString();
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: keys.tenantDay(tenantId),
        UpdateExpression:
          'SET entity = :entity, tenantId = :tenant, gsi1pk = :due, nextRunAt = if_not_exists(nextRunAt, :next), gsi1sk = if_not_exists(gsi1sk, :sort)',
        ExpressionAttributeValues: {
          ':entity': 'TenantDay',
          ':tenant': tenantId,
          ':due': keys.tenantDaysDue,
          ':next': nextRunAt,
          ':sort': `${nextRunAt}#${tenantId}`,
        },
      },
    },
  };
}

function entryOf(item: Record<string, unknown>): TenantDayEntry {
  return {
    tenantId: item.tenantId as string,
    nextRunAt: item.nextRunAt as string,
    ...(item.openedThrough ? { openedThrough: item.openedThrough as string } : {}),
  };
}

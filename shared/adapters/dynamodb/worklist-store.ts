import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CalendarDate } from '../../domain/time/calendar-date';
import type { WorklistEntry } from '../../domain/worklist/worklist';
import type { StoredWorklist, WorklistStore } from '../../ports/worklist-store';
import { keys, stripKeys } from './keys';
import { queryAll } from './query-page';

const RANK_DIGITS = 6;
const HEADER = 'HEADER';
/** Worklists are kept for a year: what was asked of whom, on which day. */
const WORKLIST_TTL_SECONDS = 366 * 24 * 3600;

/**
 * One partition per tenant and date (`T#t#WORKLIST#<date>`): a header and one item per entry,
 * sorted by rank. A rebuild overwrites the ranks and deletes those beyond the new length.
 */
export class DynamoDbWorklistStore implements WorklistStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async replace(tenantId: string, worklist: StoredWorklist): Promise<void> {
    const previous = await this.get(tenantId, worklist.date);
    const expiresAt = Math.floor(Date.parse(worklist.builtAt) / 1000) + WORKLIST_TTL_SECONDS;
    const puts = worklist.entries.map((entry) => ({
      PutRequest: {
        Item: {
          ...keys.worklistEntry(tenantId, worklist.date, rankKey(entry.rank)),
          entity: 'WorklistEntry',
          ...entry,
          expiresAt,
        },
      },
    }));
    puts.push({
      PutRequest: {
        Item: {
          ...keys.worklistEntry(tenantId, worklist.date, HEADER),
          entity: 'WorklistHeader',
          date: worklist.date,
          builtAt: worklist.builtAt,
          size: worklist.entries.length,
          expiresAt,
        } as never,
      },
    });
    const deletes = (previous?.entries ?? [])
      .filter((entry) => entry.rank > worklist.entries.length)
      .map((entry) => ({
        DeleteRequest: { Key: keys.worklistEntry(tenantId, worklist.date, rankKey(entry.rank)) },
      }));
    const requests = [...puts, ...deletes];
    for (let start = 0; start < requests.length; start += 25) {
      let batch: unknown[] = requests.slice(start, start + 25);
      // Unprocessed items are retried until DynamoDB has taken them all.
      for (let attempt = 0; batch.length > 0; attempt += 1) {
        const result = await this.client.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: batch as never } }),
        );
        batch = result.UnprocessedItems?.[this.tableName] ?? [];
        if (batch.length > 0)
          await new Promise((done) => setTimeout(done, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
  }

  async get(tenantId: string, date: CalendarDate): Promise<StoredWorklist | undefined> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.worklistEntry(tenantId, date, HEADER).pk },
      ConsistentRead: true,
    });
    const header = items.find((item) => item.sk === HEADER);
    if (!header) return undefined;
    const entries = items
      .filter((item) => item.sk !== HEADER)
      .map((item) => stripKeys<WorklistEntry>(item))
      .sort((a, b) => a.rank - b.rank);
    return { date, builtAt: header.builtAt as string, entries };
  }
}

function rankKey(rank: number): string {
  return String(rank).padStart(RANK_DIGITS, '0');
}

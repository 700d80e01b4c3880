/**
 * Day aggregates of the receivables (shared/domain/metrics/receivable-day.ts) in the table:
 * partition `T#t#RECEIVABLES#<currency>`, sort key `<date>#<shard>`, one top-level number
 * attribute per counter. A ledger change adds its deltas with `ADD` in its own transaction, so
 * the aggregates can never disagree with the ledger. The shard (from the debtor id) spreads one
 * busy day over several items, so changes of different debtors rarely meet on one item; the
 * reader sums the shards of a day.
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mergeReceivableDays, type ReceivableDay } from '../../domain/metrics/receivable-day';
import type { ChangedDates, ReceivableDayStore } from '../../ports/receivable-day-store';
import { keys } from './keys';
import { queryAll } from './query-page';
import type { TransactionStep } from './transaction';
import { counterAddStep, countersOf, shardOf } from './counter-update';

const CHANGED_PREFIX = 'CHANGED#';
const LAYOUT_ATTRIBUTES = new Set(['pk', 'sk', 'entity', 'currency', 'date', 'shard']);

export class DynamoDbReceivableDayStore implements ReceivableDayStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async changedDates(tenantId: string, currency: string): Promise<ChangedDates> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.receivablesPartition(tenantId, currency),
        ':prefix': CHANGED_PREFIX,
      },
      ConsistentRead: true,
    });
    return {
      currency,
      byShard: items.map((item) => ({
        shard: item.sk as string,
        dates: [...((item.changedDates as Set<string> | undefined) ?? [])].sort(),
      })),
    };
  }

  async clearChangedDates(tenantId: string, changed: ChangedDates, through: string): Promise<void> {
    for (const { shard, dates } of changed.byShard) {
      const done = dates.filter((date) => date <= through);
      if (done.length === 0) continue;
      // DELETE takes out only these dates: one a ledger change added meanwhile stays.
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: keys.receivablesPartition(tenantId, changed.currency), sk: shard },
          UpdateExpression: 'DELETE changedDates :done',
          ExpressionAttributeValues: { ':done': new Set(done) },
        }),
      );
    }
  }

  async days(tenantId: string, currency: string, through: string): Promise<ReceivableDay[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk <= :through',
      ExpressionAttributeValues: {
        ':pk': keys.receivablesPartition(tenantId, currency),
        ':through': `${through}#~`,
      },
    });
    return mergeReceivableDays(
      items.map((item) => ({
        currency,
        date: item.date as string,
        counters: countersOf(item, LAYOUT_ATTRIBUTES),
      })),
    );
  }
}

/** The transaction steps that add a change's deltas to the day items of its debtor's shard. */
export function receivableDaySteps(
  tableName: string,
  tenantId: string,
  debtorId: string,
  days: readonly ReceivableDay[],
): TransactionStep[] {
  const shard = shardOf(debtorId);
  const changed = days.filter((day) => Object.keys(day.counters).length > 0);
  const datesByCurrency = new Map<string, Set<string>>();
  for (const day of changed)
    datesByCurrency.set(day.currency, (datesByCurrency.get(day.currency) ?? new Set()).add(day.date));
  // The dates changed since the last rollup, so the nightly job recomputes from the earliest.
  const markers: TransactionStep[] = [...datesByCurrency].map(([currency, dates]) => ({
    item: {
      Update: {
        TableName: tableName,
        Key: keys.receivablesChanged(tenantId, currency, shard),
        UpdateExpression: 'SET entity = :entity ADD changedDates :dates',
        ExpressionAttributeValues: { ':entity': 'ReceivablesChanged', ':dates': dates },
      },
    },
  }));
  return [
    ...markers,
    ...changed.map((day) =>
      counterAddStep(
        tableName,
        keys.receivableDay(tenantId, day.currency, day.date, shard),
        { entity: 'ReceivableDay', currency: day.currency, date: day.date, shard },
        day.counters,
      ),
    ),
  ];
}

import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Debtor } from '../../domain/debtors/debtor';
import {
  chunkFrom,
  isUnfinished,
  type DebtorMerge,
  type MovedKind,
  type MovedRecord,
} from '../../domain/debtors/merge/debtor-merge';
import { movedTo } from '../../domain/debtors/merge/merge-plan';
import { RecordChangedSinceMergeError } from '../../domain/debtors/merge/merge-reversal';
import { ConflictError, RuleViolationError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import { ConcurrentChangeError } from '../../ports/concurrent-change';
import type { Change } from '../../ports/ledger-store';
import type { MergeStore, MoveDirection } from '../../ports/merge-store';
import type { WriteContext } from '../../ports/write-context';
import { debtorItem } from './debtor-store';
import { keys, stripKeys } from './keys';
import {
  adjustmentItem,
  chargeItem,
  disputeItem,
  invoiceItem,
  ledgerItem,
  paymentItem,
  planItem,
  promiseItem,
} from './ledger-items';
import { queryAll } from './query-page';
import { commitTransaction, versionedPut, writeContextSteps, type TransactionStep } from './transaction';

type MoneyKind = Exclude<MovedKind, 'activity'>;
type Key = { pk: string; sk: string };
type Entity = Record<string, unknown> & { debtorId: string; version: number };

/** Where each kind of money record lives in its debtor's partition, and its item layout. */
const MONEY: Record<
  MoneyKind,
  {
    entity: string;
    key: (tenantId: string, debtorId: string, id: string) => Key;
    item: (record: never) => Record<string, unknown>;
    pointer?: (tenantId: string, id: string) => Key;
  }
> = {
  invoice: { entity: 'Invoice', key: keys.invoice, item: invoiceItem, pointer: keys.invoicePointer },
  payment: { entity: 'Payment', key: keys.payment, item: paymentItem, pointer: keys.paymentPointer },
  adjustment: { entity: 'Adjustment', key: keys.adjustment, item: adjustmentItem },
  dispute: { entity: 'Dispute', key: keys.dispute, item: disputeItem, pointer: keys.disputePointer },
  promise: { entity: 'PromiseToPay', key: keys.promise, item: promiseItem },
  plan: { entity: 'PaymentPlan', key: keys.plan, item: planItem },
  charge: { entity: 'InterestCharge', key: keys.charge, item: chargeItem },
};

const KIND_OF_ENTITY = new Map(
  (Object.entries(MONEY) as [MoneyKind, { entity: string }][]).map(([kind, { entity }]) => [entity, kind]),
);

function changedSinceMerge(record: MovedRecord, current?: number): RecordChangedSinceMergeError {
  const now = current === undefined ? 'changed' : `is at version ${current}`;
  return new RecordChangedSinceMergeError(
    `${record.kind} ${record.id} moved with version ${record.version} and ${now} since: ` +
      'it stays with the survivor and the reversal cannot go on',
  );
}

/**
 * A merge record (`T#t#MERGE#<id>` / `MERGE`) and the chunked transactions that move a
 * duplicate's records into the survivor's partitions and back (docs/data-model.md).
 */
export class DynamoDbMergeStore implements MergeStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string, mergeId: string): Promise<DebtorMerge | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.merge(tenantId, mergeId), ConsistentRead: true }),
    );
    return result.Item ? stripKeys<DebtorMerge>(result.Item) : undefined;
  }

  async begin(merge: DebtorMerge, duplicate: Change<Debtor>, survivor: Debtor, context: WriteContext) {
    const table = this.tableName;
    await commitTransaction(this.client, [
      versionedPut(table, this.mergeItem(merge), 0, () => new ConflictError(`Merge ${merge.id} exists`)),
      {
        item: {
          Put: {
            TableName: table,
            Item: debtorItem(duplicate.after),
            ConditionExpression: 'version = :version AND attribute_not_exists(mergedInto)',
            ExpressionAttributeValues: { ':version': duplicate.before.version },
          },
        },
        onConditionFailed: () => new ConflictError('The duplicate was changed or merged meanwhile'),
      },
      {
        item: {
          ConditionCheck: {
            TableName: table,
            Key: keys.debtor(survivor.tenantId, survivor.id),
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(mergedInto)',
          },
        },
        onConditionFailed: () => new ConflictError('The surviving debtor was merged meanwhile'),
      },
      ...writeContextSteps(table, context, this.clock.now()),
    ]);
  }

  async extend(merge: Change<DebtorMerge>) {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        this.mergeItem(merge.after),
        merge.before.version,
        () => new ConflictError('The merge moved on'),
      ),
    ]);
  }

  async save(merge: Change<DebtorMerge>, context: WriteContext) {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        this.mergeItem(merge.after),
        merge.before.version,
        () => new ConflictError('The merge was changed by someone else'),
      ),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async moveChunk(merge: DebtorMerge, from: number, direction: MoveDirection) {
    const table = this.tableName;
    const { tenantId } = merge;
    const [source, to] =
      direction === 'merge' ? [merge.duplicateId, merge.survivorId] : [merge.survivorId, merge.duplicateId];
    const records = chunkFrom(merge, from);
    const steps: TransactionStep[] = [];
    const read = await Promise.all(
      records.map(async (record) => {
        // An activity's original stays in the duplicate's log: a merge copies it, a reversal removes the copy.
        const key =
          record.kind === 'activity'
            ? keys.activity(tenantId, merge.survivorId, record.at as string, record.id)
            : MONEY[record.kind].key(tenantId, source, record.id);
        const readKey =
          record.kind === 'activity' && direction === 'merge'
            ? keys.activity(tenantId, merge.duplicateId, record.at as string, record.id)
            : key;
        const result = await this.client.send(
          new GetCommand({ TableName: table, Key: readKey, ConsistentRead: true }),
        );
        return { record, key, item: result.Item };
      }),
    );
    for (const { record, key, item } of read) {
      if (record.kind === 'activity') {
        if (direction === 'reverse') {
          if (item) steps.push({ item: { Delete: { TableName: table, Key: key } } });
        } else if (item) {
          steps.push({
            item: {
              Put: {
                TableName: table,
                Item: { ...item, ...key, debtorId: to, copiedFrom: source },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            onConditionFailed: () => new ConflictError(`Activity ${record.id} was copied already`),
          });
        }
        continue;
      }
      if (!item) throw new ConflictError(`${record.kind} ${record.id} is no longer with debtor ${source}`);
      const kind = MONEY[record.kind];
      const entity = stripKeys<Entity>(item);
      // A reversal moves back only what arrived: a record changed since (a payment allocated to a
      // moved invoice) would leave its counterpart behind, so it stays and the reversal stops.
      if (direction === 'reverse' && entity.version !== record.version) {
        throw changedSinceMerge(record, entity.version);
      }
      steps.push(
        versionedPut(
          table,
          kind.item(movedTo(entity, to) as never),
          0,
          () => new ConflictError(`${record.kind} ${record.id} was moved already`),
        ),
        {
          item: {
            Delete: {
              TableName: table,
              Key: key,
              ConditionExpression: 'version = :version',
              ExpressionAttributeValues: { ':version': entity.version },
            },
          },
          // Changed since it was read: a merge reads the chunk again, a reversal stops (as above).
          onConditionFailed: () =>
            direction === 'reverse' ? changedSinceMerge(record) : new ConcurrentChangeError(),
        },
      );
      if (kind.pointer) {
        steps.push({
          item: {
            Update: {
              TableName: table,
              Key: kind.pointer(tenantId, record.id),
              UpdateExpression: 'SET debtorId = :to',
              ConditionExpression: 'debtorId = :from',
              ExpressionAttributeValues: { ':to': to, ':from': source },
            },
          },
          onConditionFailed: () => new ConflictError(`${record.kind} ${record.id} points elsewhere`),
        });
      }
    }
    if (direction === 'merge') {
      // A survivor merged away meanwhile would strand what arrives: the chunk waits for that to be sorted out.
      steps.push({
        item: {
          ConditionCheck: {
            TableName: table,
            Key: keys.debtor(tenantId, merge.survivorId),
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(mergedInto)',
          },
        },
        onConditionFailed: () =>
          new RuleViolationError(`Debtor ${merge.survivorId} was merged into another meanwhile`),
      });
    }
    steps.push({
      item: {
        Update: {
          TableName: table,
          Key: keys.merge(tenantId, merge.id),
          UpdateExpression: 'SET movedCount = :next',
          ConditionExpression: 'movedCount = :from AND #status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':next': from + records.length,
            ':from': from,
            ':status': merge.status,
          },
        },
      },
      onConditionFailed: () => new ConflictError(`Records ${from}+ of merge ${merge.id} moved already`),
    });
    await commitTransaction(this.client, steps);
  }

  async finish(change: Parameters<MergeStore['finish']>[0], context: WriteContext) {
    const table = this.tableName;
    const { merge } = change;
    const steps: TransactionStep[] = [
      {
        item: {
          Put: {
            TableName: table,
            Item: this.mergeItem(merge.after),
            ConditionExpression: 'version = :version AND movedCount = :all',
            ExpressionAttributeValues: {
              ':version': merge.before.version,
              ':all': merge.before.records.length,
            },
          },
        },
        onConditionFailed: () => new ConflictError('The merge moved on meanwhile'),
      },
      ...change.ledgers.map(({ before, after }) => versionedPut(table, ledgerItem(after), before.version)),
      ...change.debtors.map(({ before, after }) =>
        versionedPut(
          table,
          debtorItem(after),
          before.version,
          () => new ConflictError(`Debtor ${before.id} was changed by someone else`),
        ),
      ),
      ...(change.contactProfile
        ? [
            versionedPut(
              table,
              {
                ...keys.contactProfile(
                  change.contactProfile.after.tenantId,
                  change.contactProfile.after.debtorId,
                ),
                entity: 'ContactProfile',
                ...change.contactProfile.after,
              },
              change.contactProfile.before.version,
            ),
          ]
        : []),
      ...writeContextSteps(table, context, this.clock.now()),
    ];
    await commitTransaction(this.client, steps);
  }

  async versionsOf(tenantId: string, debtorId: string, records: readonly MovedRecord[]) {
    const wanted = new Set(records.map((record) => `${record.kind}#${record.id}`));
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.debtorPartition(tenantId, debtorId) },
      ProjectionExpression: 'entity, id, version',
    });
    const versions = new Map<string, number>();
    for (const item of items) {
      const kind = KIND_OF_ENTITY.get(item.entity as string);
      const key = `${kind}#${item.id as string}`;
      if (kind && wanted.has(key)) versions.set(key, item.version as number);
    }
    return versions;
  }

  async unfinished(tenantId: string, limit: number): Promise<DebtorMerge[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.unfinishedMerges(tenantId) },
        ProjectionExpression: 'id',
        Limit: limit,
      }),
    );
    // The index lags the table: each is read again, consistently.
    const merges = await Promise.all((result.Items ?? []).map((item) => this.get(tenantId, String(item.id))));
    return merges.filter((merge): merge is DebtorMerge => merge !== undefined && isUnfinished(merge));
  }

  private mergeItem(merge: DebtorMerge): Record<string, unknown> {
    return {
      ...keys.merge(merge.tenantId, merge.id),
      // Sparse: a merge with work left (isUnfinished), for the daily sweep, oldest first.
      ...(isUnfinished(merge)
        ? { gsi2pk: keys.unfinishedMerges(merge.tenantId), gsi2sk: `${merge.createdAt}#${merge.id}` }
        : {}),
      entity: 'DebtorMerge',
      ...merge,
    };
  }
}

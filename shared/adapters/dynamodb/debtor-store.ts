import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { searchKey, type Debtor } from '../../domain/debtors/debtor';
import { ConflictError } from '../../domain/errors';
import { matchKeysOf, type MatchField, type MatchKeys } from '../../domain/debtors/duplicates/match-keys';
import type { DebtorQuery, DebtorStore } from '../../ports/debtor-store';
import type { Page } from '../../ports/page';
import type { WriteContext } from '../../ports/write-context';
import type { Clock } from '../../ports/clock';
import { getAll } from './batch-items';
import { keys, stripKeys } from './keys';
import { queryPage } from './query-page';
import { commitTransaction, versionedPut, writeContextSteps, type TransactionStep } from './transaction';
import { lastCreditLook } from '../../domain/credit/credit-report';

/** Debtors by id in batches (BatchGetItem, consistent); ids not found are absent. */
export async function debtorsByIds(
  client: DynamoDBDocumentClient,
  tableName: string,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, Debtor>> {
  const items = await getAll(
    client,
    tableName,
    ids.map((id) => keys.debtor(tenantId, id)),
  );
  return new Map(items.map((item) => [item.id as string, stripKeys<Debtor>(item)]));
}

export class DynamoDbDebtorStore implements DebtorStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string, id: string): Promise<Debtor | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.debtor(tenantId, id), ConsistentRead: true }),
    );
    return result.Item ? stripKeys<Debtor>(result.Item) : undefined;
  }

  getMany(tenantId: string, ids: readonly string[]): Promise<Map<string, Debtor>> {
    return debtorsByIds(this.client, this.tableName, tenantId, ids);
  }

  async list(tenantId: string, query: DebtorQuery): Promise<Page<Debtor>> {
    const search = query.search?.trim();
    if (search && query.cursor === undefined) {
      const byReference = await this.findByExternalRef(tenantId, search);
      if (byReference) return { items: [byReference], nextCursor: null };
    }
    const partition = { attribute: 'gsi1pk', value: keys.debtorsIndex(tenantId) } as const;
    const prefix = search ? searchKey(search) : '';
    return queryPage<Debtor>(
      this.client,
      this.tableName,
      prefix
        ? { partition, sortCondition: 'begins_with(gsi1sk, :prefix)', values: { ':prefix': prefix } }
        : { partition },
      query,
    );
  }

  private async findByExternalRef(tenantId: string, externalRef: string): Promise<Debtor | undefined> {
    const pointer = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.debtorExternalRef(tenantId, externalRef),
        ConsistentRead: true,
      }),
    );
    const debtorId = pointer.Item?.debtorId as string | undefined;
    return debtorId ? this.get(tenantId, debtorId) : undefined;
  }

  async create(debtor: Debtor, context: WriteContext): Promise<void> {
    const steps: TransactionStep[] = [
      versionedPut(
        this.tableName,
        debtorItem(debtor),
        0,
        () => new ConflictError(`Debtor ${debtor.id} already exists`),
      ),
    ];
    if (debtor.externalRef) steps.push(this.claimExternalRef(debtor));
    steps.push(...this.matchKeySteps(debtor, {}, matchKeysOf(debtor)));
    await commitTransaction(this.client, [
      ...steps,
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async update(before: Debtor, after: Debtor, context: WriteContext): Promise<void> {
    const steps: TransactionStep[] = [
      versionedPut(
        this.tableName,
        debtorItem(after),
        before.version,
        () => new ConflictError(`Debtor ${before.id} was changed by someone else`),
      ),
    ];
    if (before.externalRef !== after.externalRef) {
      if (after.externalRef) steps.push(this.claimExternalRef(after));
      if (before.externalRef) {
        steps.push({
          item: {
            Delete: {
              TableName: this.tableName,
              Key: keys.debtorExternalRef(before.tenantId, before.externalRef),
              ConditionExpression: 'debtorId = :id',
              ExpressionAttributeValues: { ':id': before.id },
            },
          },
          onConditionFailed: () =>
            new ConflictError(`External reference ${before.externalRef} is not this debtor's`),
        });
      }
    }
    steps.push(...this.matchKeySteps(after, matchKeysOf(before), matchKeysOf(after)));
    await commitTransaction(this.client, [
      ...steps,
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async sharingMatchKey(tenantId: string, field: MatchField, key: string, limit: number): Promise<string[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.debtorMatchPartition(tenantId, field, key) },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => item.debtorId as string);
  }

  /** The lookup items of the keys that changed: new ones put, old ones deleted (match-keys.ts). */
  private matchKeySteps(debtor: Debtor, before: MatchKeys, after: MatchKeys): TransactionStep[] {
    const steps: TransactionStep[] = [];
    for (const field of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<MatchField>) {
      const was = before[field];
      const now = after[field];
      if (was === now) continue;
      if (was) {
        steps.push({
          item: {
            Delete: {
              TableName: this.tableName,
              Key: keys.debtorMatchKey(debtor.tenantId, field, was, debtor.id),
            },
          },
        });
      }
      if (now) {
        steps.push({
          item: {
            Put: {
              TableName: this.tableName,
              Item: debtorMatchKeyItem(debtor, field, now),
            },
          },
        });
      }
    }
    return steps;
  }

  private claimExternalRef(debtor: Debtor): TransactionStep {
    const externalRef = debtor.externalRef as string;
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: debtorExternalRefItem({ ...debtor, externalRef }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () =>
        new ConflictError(`External reference ${externalRef} is already used by another debtor`),
    };
  }
}

/** The debtor's item: its profile, indexed by search name for the tenant's debtor list. */
export function debtorItem(debtor: Debtor): Record<string, unknown> {
  return {
    ...keys.debtor(debtor.tenantId, debtor.id),
    gsi1pk: keys.debtorsIndex(debtor.tenantId),
    gsi1sk: `${searchKey(debtor.name)}#${debtor.id}`,
    // Sparse: only businesses with a report, not merged away, are candidates for a refresh; a
    // refresh that failed counts as a look, so one company the bureau lost cannot hold the queue.
    ...(debtor.creditReport && debtor.kind === 'business' && !debtor.mergedInto
      ? {
          gsi2pk: keys.creditReportsByAge(debtor.tenantId),
          gsi2sk: `${lastCreditLook(debtor.creditReport)}#${debtor.id}`,
        }
      : {}),
    entity: 'Debtor',
    ...debtor,
  };
}

/** The unique marker of a debtor's external reference. */
export function debtorExternalRefItem(debtor: Debtor & { externalRef: string }): Record<string, unknown> {
  return {
    ...keys.debtorExternalRef(debtor.tenantId, debtor.externalRef),
    entity: 'DebtorExternalRef',
    debtorId: debtor.id,
  };
}

/** A lookup item of one of the debtor's match keys (normalised email, phone, tax id…). */
export function debtorMatchKeyItem(debtor: Debtor, field: MatchField, key: string): Record<string, unknown> {
  return {
    ...keys.debtorMatchKey(debtor.tenantId, field, key, debtor.id),
    entity: 'DebtorMatchKey',
    field,
    debtorId: debtor.id,
  };
}

/** Every match-key lookup item of a new debtor. */
export function debtorMatchKeyItems(debtor: Debtor): Record<string, unknown>[] {
  return (Object.entries(matchKeysOf(debtor)) as [MatchField, string | undefined][]).flatMap(
    ([field, key]) => (key ? [debtorMatchKeyItem(debtor, field, key)] : []),
  );
}

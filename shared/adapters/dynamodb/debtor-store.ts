import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { searchKey, type Debtor } from '../../domain/debtors/debtor';
import { ConflictError } from '../../domain/errors';
import type { DebtorQuery, DebtorStore } from '../../ports/debtor-store';
import type { Page } from '../../ports/page';
import type { WriteContext } from '../../ports/write-context';
import type { Clock } from '../../ports/clock';
import { keys, stripKeys } from './keys';
import { queryPage } from './query-page';
import { commitTransaction, versionedPut, writeContextSteps, type TransactionStep } from './transaction';

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
    await commitTransaction(this.client, [
      ...steps,
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
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

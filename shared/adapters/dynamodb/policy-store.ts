import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors';
import type { Policy } from '../../domain/policies/policy';
import type { Clock } from '../../ports/clock';
import type { Page, PageRequest } from '../../ports/page';
import type { PolicyStore } from '../../ports/policy-store';
import type { WriteContext } from '../../ports/write-context';
import { keys, POLICY_HEAD_PREFIX, policyVersionsPrefix, stripKeys } from './keys';
import { queryPage } from './query-page';
import { writeContextSteps } from './transaction';
import { commitVersionedDocument } from './versioned-document';

/**
 * A head item per policy holds its current version (listing reads heads only); each version is
 * also its own item, written once and never overwritten. A change writes both in one transaction
 * conditioned on the head's version, so two editors of one version cannot both win.
 */
export class DynamoDbPolicyStore implements PolicyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string, id: string): Promise<Policy | undefined> {
    return this.read(keys.policyHead(tenantId, id));
  }

  async getVersion(tenantId: string, id: string, version: number): Promise<Policy | undefined> {
    return this.read(keys.policyVersion(tenantId, id, version));
  }

  async list(tenantId: string, page: PageRequest): Promise<Page<Policy>> {
    return queryPage<Policy>(
      this.client,
      this.tableName,
      {
        partition: { attribute: 'pk', value: keys.policiesPartition(tenantId) },
        sortCondition: 'begins_with(sk, :prefix)',
        values: { ':prefix': POLICY_HEAD_PREFIX },
      },
      page,
    );
  }

  async listAll(tenantId: string): Promise<Policy[]> {
    const policies: Policy[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list(tenantId, { limit: 100, ...(cursor ? { cursor } : {}) });
      policies.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return policies;
  }

  async versions(tenantId: string, id: string, page: PageRequest): Promise<Page<Policy>> {
    return queryPage<Policy>(
      this.client,
      this.tableName,
      {
        partition: { attribute: 'pk', value: keys.policiesPartition(tenantId) },
        sortCondition: 'begins_with(sk, :prefix)',
        values: { ':prefix': policyVersionsPrefix(id) },
      },
      page,
    );
  }

  async create(policy: Policy, context: WriteContext): Promise<void> {
    await this.write(policy, 0, () => new ConflictError(`Policy ${policy.id} already exists`), context);
  }

  async update(before: Policy, after: Policy, context: WriteContext): Promise<void> {
    await this.write(
      after,
      before.version,
      () => new ConflictError(`Policy ${before.id} was changed by someone else`),
      context,
    );
  }

  private write(policy: Policy, expectedVersion: number, onConflict: () => Error, context: WriteContext) {
    return commitVersionedDocument(
      this.client,
      this.tableName,
      {
        head: { ...keys.policyHead(policy.tenantId, policy.id), entity: 'PolicyHead', ...policy },
        version: {
          ...keys.policyVersion(policy.tenantId, policy.id, policy.version),
          entity: 'PolicyVersion',
          ...policy,
        },
      },
      expectedVersion,
      onConflict,
      writeContextSteps(this.tableName, context, this.clock.now()),
    );
  }

  private async read(key: { pk: string; sk: string }): Promise<Policy | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return result.Item ? stripKeys<Policy>(result.Item) : undefined;
  }
}

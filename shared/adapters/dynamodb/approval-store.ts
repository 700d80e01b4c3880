import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Approval, ApprovalStatus } from '../../domain/approvals/approval';
import { ConflictError } from '../../domain/errors';
import type { ApprovalStore } from '../../ports/approval-store';
import type { Clock } from '../../ports/clock';
import type { Page, PageRequest } from '../../ports/page';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';
import { queryPage } from './query-page';
import { approvalItem, disputeApprovalGuardSteps } from './ledger-items';
import { commitTransaction, writeContextSteps, versionedPut } from './transaction';

export class DynamoDbApprovalStore implements ApprovalStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string, id: string): Promise<Approval | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.approval(tenantId, id), ConsistentRead: true }),
    );
    return result.Item ? stripKeys<Approval>(result.Item) : undefined;
  }

  async list(tenantId: string, status: ApprovalStatus, page: PageRequest): Promise<Page<Approval>> {
    const partition = { attribute: 'gsi1pk', value: keys.approvalsIndex(tenantId, status) } as const;
    return queryPage<Approval>(this.client, this.tableName, { partition }, page);
  }

  async create(approval: Approval, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        approvalItem(approval),
        0,
        () => new ConflictError(`Approval ${approval.id} already exists`),
      ),
      ...disputeApprovalGuardSteps(this.tableName, { before: null, after: approval }),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async update(before: Approval, after: Approval, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        approvalItem(after),
        before.version,
        () => new ConflictError('The request was decided by someone else'),
      ),
      ...disputeApprovalGuardSteps(this.tableName, { before, after }),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }
}

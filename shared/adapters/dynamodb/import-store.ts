import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { ConflictError } from '../../domain/errors';
import type { ImportJob, ImportRowError } from '../../domain/imports/import-job';
import type { Clock } from '../../ports/clock';
import type { ImportStore } from '../../ports/import-store';
import type { Page, PageRequest } from '../../ports/page';
import type { WriteContext } from '../../ports/write-context';
import { putAll } from './batch-items';
import { keys, stripKeys } from './keys';
import { queryPage } from './query-page';
import { commitTransaction, versionedPut, writeContextSteps } from './transaction';

/** Jobs in the tenant's `IMPORTS` partition; each job's reported rows in its own partition. */
export class DynamoDbImportStore implements ImportStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async create(job: ImportJob, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(this.tableName, this.item(job), 0, () => new ConflictError(`Import ${job.id} exists`)),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async get(tenantId: string, importId: string): Promise<ImportJob | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.importJob(tenantId, importId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? stripKeys<ImportJob>(result.Item) : undefined;
  }

  async list(tenantId: string, page: PageRequest): Promise<Page<ImportJob>> {
    return queryPage<ImportJob>(
      this.client,
      this.tableName,
      { partition: { attribute: 'pk', value: keys.importsPartition(tenantId) }, newestFirst: true },
      page,
    );
  }

  async save(before: ImportJob, after: ImportJob, audit: readonly AuditEntry[] = []): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        this.item(after),
        before.version,
        () => new ConflictError(`Import ${before.id} was changed by another run`),
      ),
      ...writeContextSteps(this.tableName, { audit: [...audit] }, this.clock.now()),
    ]);
  }

  async recordErrors(tenantId: string, importId: string, errors: readonly ImportRowError[]): Promise<void> {
    await putAll(
      this.client,
      this.tableName,
      errors.map((error) => ({
        ...keys.importError(tenantId, importId, error.row, error.field),
        entity: 'ImportRowError',
        ...error,
      })),
    );
  }

  async listErrors(tenantId: string, importId: string, page: PageRequest): Promise<Page<ImportRowError>> {
    const result = await queryPage<ImportRowError & { entity?: string }>(
      this.client,
      this.tableName,
      {
        partition: { attribute: 'pk', value: keys.importPartition(tenantId, importId) },
        sortCondition: 'begins_with(sk, :prefix)',
        values: { ':prefix': 'ERROR#' },
      },
      page,
    );
    return {
      items: result.items.map(({ row, field, reason }) => ({ row, field, reason })),
      nextCursor: result.nextCursor,
    };
  }

  private item(job: ImportJob): Record<string, unknown> {
    return { ...keys.importJob(job.tenantId, job.id), entity: 'ImportJob', ...job };
  }
}

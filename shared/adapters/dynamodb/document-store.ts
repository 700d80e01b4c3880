import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AttachmentKind, StoredDocument } from '../../domain/documents/document';
import { ConflictError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/document-store';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';
import { getThroughPointer } from './pointer';
import { queryAll } from './query-page';
import { commitTransaction, versionedPut, writeContextSteps } from './transaction';

/**
 * A debtor's documents share one partition (`…#DEBTOR#<id>#DOCUMENTS`, sorted by id, so by
 * creation); a pointer item finds a document by id. The record and its pointer are written in the
 * transaction of the audit record.
 */
export class DynamoDbDocumentStore implements DocumentStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string, id: string): Promise<StoredDocument | undefined> {
    return getThroughPointer<StoredDocument>(
      this.client,
      this.tableName,
      keys.documentPointer(tenantId, id),
      (debtorId) => keys.document(tenantId, debtorId, id),
    );
  }

  async listByDebtor(
    tenantId: string,
    debtorId: string,
    attachedTo?: { kind: AttachmentKind; id: string },
  ): Promise<StoredDocument[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: {
        ':pk': keys.debtorDocumentsPartition(tenantId, debtorId),
        ...(attachedTo ? { ':kind': attachedTo.kind, ':id': attachedTo.id } : {}),
      },
      ...(attachedTo
        ? {
            FilterExpression: '#attached.#kind = :kind AND #attached.#id = :id',
            ExpressionAttributeNames: { '#attached': 'attachedTo', '#kind': 'kind', '#id': 'id' },
          }
        : {}),
      ConsistentRead: true,
    });
    return items.map((item) => stripKeys<StoredDocument>(item));
  }

  async create(document: StoredDocument, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(this.tableName, this.itemOf(document), 0, () => new ConflictError('The document exists')),
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.documentPointer(document.tenantId, document.id),
              entity: 'DocumentRef',
              debtorId: document.debtorId,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new ConflictError('The document exists'),
      },
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async update(before: StoredDocument, after: StoredDocument, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        this.itemOf(after),
        before.version,
        () => new ConflictError(`Document ${before.id} was changed by someone else`),
      ),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  private itemOf(document: StoredDocument): Record<string, unknown> {
    return {
      ...keys.document(document.tenantId, document.debtorId, document.id),
      entity: 'Document',
      ...document,
    };
  }
}

import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors';
import type { MessageTemplate } from '../../domain/messaging/message-template';
import type { Clock } from '../../ports/clock';
import type { TemplateStore } from '../../ports/template-store';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';
import { queryAll } from './query-page';
import { writeContextSteps } from './transaction';
import { commitVersionedDocument } from './versioned-document';

/**
 * As policies: a head per template (`CURRENT#<id>`) and every version (`<id>#V#<nnnnnnnnnn>`),
 * written together on condition of the head's version; versions are never overwritten.
 */
export class DynamoDbTemplateStore implements TemplateStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string, id: string, version?: number): Promise<MessageTemplate | undefined> {
    const key =
      version === undefined ? keys.templateHead(tenantId, id) : keys.templateVersion(tenantId, id, version);
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return result.Item ? stripKeys<MessageTemplate>(result.Item) : undefined;
  }

  async list(tenantId: string): Promise<MessageTemplate[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.templatesPartition(tenantId), ':prefix': 'CURRENT#' },
      ConsistentRead: true,
    });
    return items.map((item) => stripKeys<MessageTemplate>(item));
  }

  async create(template: MessageTemplate, context: WriteContext): Promise<void> {
    await this.write(template, 0, () => new ConflictError(`Template ${template.id} already exists`), context);
  }

  async update(before: MessageTemplate, after: MessageTemplate, context: WriteContext): Promise<void> {
    await this.write(
      after,
      before.version,
      () => new ConflictError(`Template ${before.id} was changed by someone else`),
      context,
    );
  }

  private write(template: MessageTemplate, expected: number, onConflict: () => Error, context: WriteContext) {
    return commitVersionedDocument(
      this.client,
      this.tableName,
      {
        head: { ...keys.templateHead(template.tenantId, template.id), entity: 'TemplateHead', ...template },
        version: {
          ...keys.templateVersion(template.tenantId, template.id, template.version),
          entity: 'TemplateVersion',
          ...template,
        },
      },
      expected,
      onConflict,
      writeContextSteps(this.tableName, context, this.clock.now()),
    );
  }
}

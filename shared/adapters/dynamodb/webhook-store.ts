import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors';
import type { WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { WebhookEvent } from '../../domain/webhooks/webhook-event';
import type { Clock } from '../../ports/clock';
import type { PageRequest } from '../../ports/page';
import type { WebhookStore } from '../../ports/webhook-store';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';
import { queryAll, queryPage } from './query-page';
import { commitTransaction, versionedPut, writeContextSteps } from './transaction';

/** The delivery log is kept for a month, like the events it carries. */
const DELIVERY_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Endpoints in the tenant's `WEBHOOKS` partition (tens of items, read whole); events each in their
 * own partition with a sparse gsi1 entry until relayed; deliveries in their endpoint's partition.
 */
export class DynamoDbWebhookStore implements WebhookStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async endpoints(tenantId: string): Promise<WebhookEndpoint[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.webhooksPartition(tenantId) },
      ConsistentRead: true,
    });
    return items.map((item) => stripKeys<WebhookEndpoint>(item));
  }

  async endpoint(tenantId: string, webhookId: string): Promise<WebhookEndpoint | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.webhook(tenantId, webhookId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? stripKeys<WebhookEndpoint>(result.Item) : undefined;
  }

  private item(endpoint: WebhookEndpoint) {
    return { ...keys.webhook(endpoint.tenantId, endpoint.id), entity: 'WebhookEndpoint', ...endpoint };
  }

  async createEndpoint(endpoint: WebhookEndpoint, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        this.item(endpoint),
        0,
        () => new ConflictError(`Webhook ${endpoint.id} exists`),
      ),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async saveEndpoint(before: WebhookEndpoint, after: WebhookEndpoint, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        this.item(after),
        before.version,
        () => new ConflictError('The webhook was changed by someone else'),
      ),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async removeEndpoint(endpoint: WebhookEndpoint, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      {
        item: {
          Delete: {
            TableName: this.tableName,
            Key: keys.webhook(endpoint.tenantId, endpoint.id),
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': endpoint.version },
          },
        },
        onConditionFailed: () => new ConflictError('The webhook was changed by someone else'),
      },
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async countOutcome(tenantId: string, webhookId: string, succeeded: boolean) {
    try {
      // One atomic update: concurrent deliveries to one endpoint each count.
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.webhook(tenantId, webhookId),
          UpdateExpression: succeeded ? 'SET consecutiveFailures = :zero' : 'ADD consecutiveFailures :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: succeeded ? { ':zero': 0 } : { ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes ? stripKeys<WebhookEndpoint>(result.Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async event(tenantId: string, eventId: string): Promise<WebhookEvent | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.webhookEvent(tenantId, eventId),
        ConsistentRead: true,
      }),
    );
    if (!result.Item) return undefined;
    const { relayedAt: _relayedAt, ...event } = stripKeys<WebhookEvent & { relayedAt?: string }>(result.Item);
    return event;
  }

  async unrelayedEvents(before: Date, limit: number): Promise<WebhookEvent[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
        // `#~` sorts after every `#<tenant>#<id>` of that instant: events of that very millisecond count.
        ExpressionAttributeValues: {
          ':pk': keys.unrelayedWebhookEvents,
          ':before': `${before.toISOString()}#~`,
        },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => stripKeys<WebhookEvent>(item));
  }

  async markRelayed(event: WebhookEvent, at: Date): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.webhookEvent(event.tenantId, event.id),
          UpdateExpression: 'SET relayedAt = :at REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(gsi1pk)',
          ExpressionAttributeValues: { ':at': at.toISOString() },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async createDelivery(delivery: WebhookDelivery): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.webhookDelivery(delivery.tenantId, delivery.webhookId, delivery.id),
            entity: 'WebhookDelivery',
            ...delivery,
            expiresAt: Math.floor(Date.parse(delivery.createdAt) / 1000) + DELIVERY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async delivery(tenantId: string, webhookId: string, deliveryId: string) {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.webhookDelivery(tenantId, webhookId, deliveryId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? stripKeys<WebhookDelivery>(result.Item) : undefined;
  }

  private deliveryPut(current: WebhookDelivery, next: WebhookDelivery) {
    return {
      TableName: this.tableName,
      Item: {
        ...keys.webhookDelivery(next.tenantId, next.webhookId, next.id),
        entity: 'WebhookDelivery',
        ...next,
        expiresAt: Math.floor(Date.parse(next.createdAt) / 1000) + DELIVERY_TTL_SECONDS,
      },
      ConditionExpression: 'revision = :revision',
      ExpressionAttributeValues: { ':revision': current.revision },
    };
  }

  async changeDelivery(
    current: WebhookDelivery,
    next: WebhookDelivery,
    context: WriteContext,
  ): Promise<void> {
    await commitTransaction(this.client, [
      {
        item: { Put: this.deliveryPut(current, next) },
        onConditionFailed: () => new ConflictError('The delivery changed meanwhile; look again'),
      },
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async transitionDelivery(current: WebhookDelivery, next: WebhookDelivery): Promise<boolean> {
    try {
      await this.client.send(new PutCommand(this.deliveryPut(current, next)));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  deliveries(tenantId: string, webhookId: string, page: PageRequest) {
    return queryPage<WebhookDelivery>(
      this.client,
      this.tableName,
      {
        partition: { attribute: 'pk', value: keys.webhookDeliveries(tenantId, webhookId) },
        newestFirst: true,
      },
      page,
    );
  }
}

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { markDispatched } from './mark-dispatched';
import type { StaffNotification } from '../../domain/notifications/staff-notification';
import type { NotificationStore } from '../../ports/notification-store';
import { keys, stripKeys } from './keys';
import { queryAll } from './query-page';

/** Notifications live in the tenant's `NOTIFICATIONS` partition; gsi1 holds only the queued ones. */
export class DynamoDbNotificationStore implements NotificationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async queue(notification: StaffNotification): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.notification(notification.tenantId, notification.id),
            gsi1pk: keys.queuedNotifications(notification.tenantId),
            gsi1sk: `${notification.createdAt}#${notification.id}`,
            entity: 'StaffNotification',
            ...notification,
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

  async queued(tenantId: string): Promise<StaffNotification[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.queuedNotifications(tenantId) },
    });
    return items.map((item) => stripKeys<StaffNotification>(item)).filter((item) => item.status === 'queued');
  }

  async markDispatched(notification: StaffNotification, at: Date): Promise<void> {
    await markDispatched(this.client, {
      TableName: this.tableName,
      Key: keys.notification(notification.tenantId, notification.id),
      at,
    });
  }
}

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeliveryState } from '../../domain/messaging/delivery';
import type { DeliveryLog, DeliveryRecord, DeliveryRef } from '../../ports/delivery-log';
import { keys, stripKeys } from './keys';
import { queryAll } from './query-page';

const DELIVERY_FIELDS: readonly (keyof DeliveryState)[] = [
  'status',
  'attempts',
  'claimedAt',
  'dispatchedAt',
  'sentAt',
  'deliveredAt',
  'providerMessageId',
  'failure',
  'deliveryRevision',
];

function keyOf(ref: DeliveryRef) {
  return ref.kind === 'message'
    ? keys.message(ref.tenantId, ref.debtorId, ref.id)
    : keys.notification(ref.tenantId, ref.id);
}

/**
 * Debtor messages (`…#DEBTOR#<id>#MESSAGES`) and staff notifications (`…#NOTIFICATIONS`) share
 * their delivery fields; a transition rewrites only those, under the record's delivery revision.
 */
export class DynamoDbDeliveryLog implements DeliveryLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(ref: DeliveryRef): Promise<DeliveryRecord | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keyOf(ref), ConsistentRead: true }),
    );
    return result.Item ? stripKeys<DeliveryRecord>(result.Item) : undefined;
  }

  async transition(ref: DeliveryRef, current: DeliveryState, next: DeliveryState): Promise<boolean> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const set: string[] = [];
    // Whatever leaves `queued` leaves the sparse index the outbox sweep reads.
    const remove = next.status === 'queued' ? [] : ['gsi1pk', 'gsi1sk'];
    for (const field of DELIVERY_FIELDS) {
      names[`#${field}`] = field;
      if (next[field] !== undefined) {
        set.push(`#${field} = :${field}`);
        values[`:${field}`] = next[field];
      } else if (current[field] !== undefined) {
        remove.push(`#${field}`);
      } else {
        delete names[`#${field}`];
      }
    }
    const revision = current.deliveryRevision ?? 0;
    if (revision > 0) values[':revision'] = revision;
    names['#revision'] = 'deliveryRevision';
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keyOf(ref),
          UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression:
            revision > 0
              ? 'attribute_exists(pk) AND #revision = :revision'
              : 'attribute_exists(pk) AND attribute_not_exists(#revision)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async rememberTextRecipient(
    phone: string,
    recipient: { tenantId: string; debtorId: string },
  ): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: keys.textRecipients(phone),
          sk: `${recipient.tenantId}#${recipient.debtorId}`,
          entity: 'TextRecipient',
          ...recipient,
        },
      }),
    );
  }

  async textRecipients(phone: string): Promise<{ tenantId: string; debtorId: string }[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.textRecipients(phone) },
    });
    return items.map((item) => ({ tenantId: item.tenantId as string, debtorId: item.debtorId as string }));
  }
}

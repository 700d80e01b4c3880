import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { OutboundMessage } from '../../domain/cases/outbound-message';
import type { StaffNotification } from '../../domain/notifications/staff-notification';
import type { MessageDelivery } from '../../ports/message-delivery';
import type { DeliveryRef } from '../../ports/delivery-log';
import { outboxEntry } from '../../messaging/outbox-entry';

/**
 * Hands a queued message to the sender function through the outbox queue. The entry carries only
 * the message's key: the sender reads the stored message and delivers it once, by id.
 */
export class SqsMessageDelivery implements MessageDelivery {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  private async enqueue(ref: DeliveryRef): Promise<void> {
    await this.client.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: outboxEntry(ref) }),
    );
  }

  deliver(message: OutboundMessage): Promise<void> {
    return this.enqueue({
      kind: 'message',
      tenantId: message.tenantId,
      debtorId: message.debtorId,
      id: message.id,
    });
  }

  deliverNotification(notification: StaffNotification): Promise<void> {
    return this.enqueue({ kind: 'notification', tenantId: notification.tenantId, id: notification.id });
  }
}

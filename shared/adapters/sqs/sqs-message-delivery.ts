import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { OutboundMessage } from '../../domain/cases/outbound-message';
import type { StaffNotification } from '../../domain/notifications/staff-notification';
import type { MessageDelivery } from '../../ports/message-delivery';

/**
 * Hands a queued message to the channel senders through SQS. The message carries only its key:
 * the sender reads the stored message (no personal data in the queue) and delivers it once, by id.
 */
export class SqsMessageDelivery implements MessageDelivery {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async deliver(message: OutboundMessage): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify({
          tenantId: message.tenantId,
          debtorId: message.debtorId,
          messageId: message.id,
        }),
      }),
    );
  }

  async deliverNotification(notification: StaffNotification): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify({ tenantId: notification.tenantId, notificationId: notification.id }),
      }),
    );
  }
}

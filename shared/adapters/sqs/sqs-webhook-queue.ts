import { ChangeMessageVisibilityCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { WebhookDeliveryRef, WebhookQueue } from '../../ports/webhook-queue';

/** SQS caps a visibility timeout at 12 hours; a longer wait is served in more than one stretch. */
const MAX_VISIBILITY_SECONDS = 12 * 3600;

/** The webhook delivery queue: one entry per delivery, kept out of sight between its attempts. */
export class SqsWebhookQueue implements WebhookQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(ref: WebhookDeliveryRef): Promise<void> {
    await this.client.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(ref) }),
    );
  }

  async postpone(receiptHandle: string, delayMs: number): Promise<void> {
    await this.client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: this.queueUrl,
        ReceiptHandle: receiptHandle,
        VisibilityTimeout: Math.min(MAX_VISIBILITY_SECONDS, Math.max(1, Math.ceil(delayMs / 1000))),
      }),
    );
  }
}

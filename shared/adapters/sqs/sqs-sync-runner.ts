import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SyncRunner } from '../../ports/sync-runner';

/**
 * Syncs on an SQS queue consumed by the sync worker: a worker that stops (timeout, crash) leaves
 * the message to come back, and the next run resumes from the connection's cursor.
 */
export class SqsSyncRunner implements SyncRunner {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async start(tenantId: string, connectionId: string): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify({ tenantId, connectionId }),
      }),
    );
  }
}

import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ImportRunner } from '../../ports/import-runner';

/**
 * Imports on an SQS queue consumed by the import worker: a worker that stops (timeout, crash)
 * leaves the message to come back, and the next run resumes from the import's checkpoint.
 */
export class SqsImportRunner implements ImportRunner {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async start(tenantId: string, importId: string): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify({ tenantId, importId }),
      }),
    );
  }
}

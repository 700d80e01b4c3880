import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { TenantDayJob } from '../../domain/schedules/tenant-day';
import type { JobQueue } from '../../ports/job-queue';

const BATCH = 10;

/**
 * Tenant-day jobs on an SQS FIFO queue: one message group per tenant keeps a tenant's jobs in
 * order while tenants run in parallel; the deduplication id (tenant, date, job) drops a second
 * dispatch of the same job within SQS's five-minute window.
 */
export class SqsJobQueue implements JobQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(jobs: readonly TenantDayJob[]): Promise<void> {
    for (let start = 0; start < jobs.length; start += BATCH) {
      const batch = jobs.slice(start, start + BATCH);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((job, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify(job),
            MessageGroupId: job.tenantId,
            MessageDeduplicationId: `${job.tenantId}:${job.date}:${job.job}`,
          })),
        }),
      );
      if (result.Failed && result.Failed.length > 0) {
        // The dispatcher fails and its entry stays due: the next tick queues the day again.
        throw new Error(
          `Could not queue ${result.Failed.length} tenant-day job(s): ${result.Failed[0]?.Code}`,
        );
      }
    }
  }
}

/**
 * Lambda wrappers for the schedules: the tick (invoked by EventBridge Scheduler) and the job
 * worker (fed by the SQS FIFO queue). Powertools context, metrics and tracing as everywhere.
 *
 * The worker reports partial batch failures the FIFO way: once a job of a tenant fails, every later
 * job of that tenant in the batch is returned too, so a tenant's jobs never run out of order
 * (other tenants' jobs go on).
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import '../zod'; // zod/mini's English messages, before any of these schemas parses
import { TENANT_DAY_JOBS, type TenantDayJob } from '../domain/schedules/tenant-day';
import { lambdaHandler } from '../observability/lambda-handler';
import { parseQueueMessage } from '../runtime/queue-message';
import { logger, metrics } from '../observability/powertools';

const tenantDayJob = z.strictObject({
  tenantId: z.string().check(z.minLength(1)),
  date: z.iso.date(),
  job: z.enum(TENANT_DAY_JOBS),
});

export function tickHandler(run: () => Promise<{ tenants: number; jobs: number; swept: number }>) {
  return lambdaHandler<unknown, void>(async () => {
    const done = await run();
    metrics.addMetric('TenantDaysOpened', 'Count', done.tenants);
    // Messages a crash left queued; above zero now and then is the sweep doing its job.
    metrics.addMetric('OutboxSwept', 'Count', done.swept);
    logger.info('Tick', done);
  });
}

export function jobWorkerHandler(run: (job: TenantDayJob) => Promise<'ran' | 'skipped'>) {
  return lambdaHandler<SQSEvent, SQSBatchResponse>(async (event) => {
    const failedTenants = new Set<string>();
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const group = record.attributes.MessageGroupId ?? record.messageId;
      if (failedTenants.has(group)) {
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      const job = parseQueueMessage(tenantDayJob, record.body);
      if (!job) {
        // A malformed message can never succeed: log it and let it go rather than block the tenant.
        logger.error('Malformed tenant-day job', { messageId: record.messageId });
        continue;
      }
      try {
        const outcome = await run(job);
        metrics.addMetric(outcome === 'ran' ? 'TenantDayJobsRun' : 'TenantDayJobsSkipped', 'Count', 1);
      } catch (error) {
        logger.error('Tenant-day job failed', {
          job: job.job,
          date: job.date,
          error: error as Error,
        });
        metrics.addMetric('TenantDayJobFailures', 'Count', 1);
        failedTenants.add(group);
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  });
}

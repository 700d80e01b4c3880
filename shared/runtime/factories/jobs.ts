import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsJobQueue } from '../../adapters/sqs/sqs-job-queue';
import { tracer } from '../../observability/powertools';
import type { JobQueue } from '../../ports/job-queue';
import { unconfigured } from '../unconfigured';
import type { ServiceFactory } from '../wire-services';

/** The tenant-day jobs queue (SQS FIFO); the local runtime runs jobs in process. */
export const jobs: ServiceFactory<'jobs'> = () => {
  const url = process.env.JOBS_QUEUE_URL;
  if (!url) return unconfigured<JobQueue>('The tenant-day jobs queue (JOBS_QUEUE_URL)');
  return new SqsJobQueue(tracer.captureAWSv3Client(new SQSClient({})), url);
};

import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsWebhookQueue } from '../../adapters/sqs/sqs-webhook-queue';
import { tracer } from '../../observability/powertools';
import type { WebhookQueue } from '../../ports/webhook-queue';
import { unconfigured } from '../unconfigured';
import type { ServiceFactory } from '../wire-services';

/** The webhook queue in SQS; the local runtime brings its own queue. */
export const webhookQueue: ServiceFactory<'webhookQueue'> = () => {
  const url = process.env.WEBHOOK_QUEUE_URL;
  if (!url) return unconfigured<WebhookQueue>('The webhook queue (WEBHOOK_QUEUE_URL)');
  return new SqsWebhookQueue(tracer.captureAWSv3Client(new SQSClient({})), url);
};

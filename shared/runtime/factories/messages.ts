import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsMessageDelivery } from '../../adapters/sqs/sqs-message-delivery';
import { tracer } from '../../observability/powertools';
import type { MessageDelivery } from '../../ports/message-delivery';
import { unconfigured } from '../unconfigured';
import type { ServiceFactory } from '../wire-services';

/** The outbox queue in SQS; the local runtime brings its outbox. */
export const messages: ServiceFactory<'messages'> = () => {
  const url = process.env.OUTBOX_QUEUE_URL;
  if (!url) return unconfigured<MessageDelivery>('The outbox queue (OUTBOX_QUEUE_URL)');
  return new SqsMessageDelivery(tracer.captureAWSv3Client(new SQSClient({})), url);
};

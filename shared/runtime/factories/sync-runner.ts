import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsSyncRunner } from '../../adapters/sqs/sqs-sync-runner';
import { tracer } from '../../observability/powertools';
import type { SyncRunner } from '../../ports/sync-runner';
import { unconfigured } from '../unconfigured';
import type { ServiceFactory } from '../wire-services';

/** The connector sync queue in SQS; the local runtime syncs in process. */
export const syncRunner: ServiceFactory<'syncRunner'> = () => {
  const url = process.env.CONNECTOR_SYNC_QUEUE_URL;
  if (!url) return unconfigured<SyncRunner>('The connector sync queue (CONNECTOR_SYNC_QUEUE_URL)');
  return new SqsSyncRunner(tracer.captureAWSv3Client(new SQSClient({})), url);
};

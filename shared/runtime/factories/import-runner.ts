import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsImportRunner } from '../../adapters/sqs/sqs-import-runner';
import { tracer } from '../../observability/powertools';
import type { ImportRunner } from '../../ports/import-runner';
import { unconfigured } from '../unconfigured';
import type { ServiceFactory } from '../wire-services';

/** The imports queue in SQS; the local runtime runs imports in process. */
export const importRunner: ServiceFactory<'importRunner'> = () => {
  const url = process.env.IMPORTS_QUEUE_URL;
  if (!url) return unconfigured<ImportRunner>('The imports queue (IMPORTS_QUEUE_URL)');
  return new SqsImportRunner(tracer.captureAWSv3Client(new SQSClient({})), url);
};

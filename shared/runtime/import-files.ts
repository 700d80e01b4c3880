/**
 * The import files bucket, from the function's environment (IMPORTS_BUCKET). Only the import
 * functions import this module, so only their bundles carry S3 and the URL presigner.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { S3ImportFiles } from '../adapters/s3/s3-import-files';
import { tracer } from '../observability/powertools';
import type { Clock } from '../ports/clock';
import type { ImportFiles } from '../ports/import-files';

export function importFilesFromEnvironment(clock: Clock): ImportFiles {
  const bucket = process.env.IMPORTS_BUCKET;
  if (!bucket) throw new Error('IMPORTS_BUCKET is not set for this function');
  return new S3ImportFiles(tracer.captureAWSv3Client(new S3Client({})), bucket, clock);
}

export function s3ImportFiles(
  settings: {
    bucket: string;
    endpoint?: string;
    region?: string;
    credentials?: { accessKeyId: string; secretAccessKey: string };
  },
  clock: Clock,
): ImportFiles {
  const client = new S3Client({
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
  });
  return new S3ImportFiles(client, settings.bucket, clock);
}

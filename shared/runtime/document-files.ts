/**
 * The documents bucket of the functions that sign uploads and downloads or check stored files
 * (`DOCUMENTS_BUCKET`), and its malware-scan hook. Only those functions import this module, so
 * only their bundles carry the S3 client and the presigners.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { GuardDutyMalwareScanner } from '../adapters/s3/guardduty-malware-scanner';
import { S3FileStore } from '../adapters/s3/s3-file-store';
import { tracer } from '../observability/powertools';
import type { Clock } from '../ports/clock';
import type { FileStore } from '../ports/file-store';
import type { MalwareScanner } from '../ports/malware-scanner';

export interface DocumentFiles {
  files: FileStore;
  malwareScanner: MalwareScanner;
}

export interface DocumentFileSettings {
  bucket: string;
  /** Local stand-in: where S3 answers (AWS when omitted). */
  endpoint?: string;
  /** Static credentials for the local stand-in, which checks signatures made with them. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  region?: string;
}

export function createDocumentFiles(settings: DocumentFileSettings, clock: Clock): DocumentFiles {
  const client = tracer.captureAWSv3Client(
    new S3Client({
      ...(settings.region ? { region: settings.region } : {}),
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    }),
  );
  return {
    files: new S3FileStore(client, settings.bucket, clock),
    malwareScanner: new GuardDutyMalwareScanner(client, settings.bucket),
  };
}

export function documentFilesFromEnvironment(clock: Clock): DocumentFiles {
  const bucket = process.env.DOCUMENTS_BUCKET;
  if (!bucket) throw new Error('DOCUMENTS_BUCKET is not set');
  return createDocumentFiles({ bucket }, clock);
}

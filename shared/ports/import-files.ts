import type { Readable } from 'node:stream';

/** Where a client uploads an import file: a short-lived URL it PUTs the file to. */
export interface UploadTarget {
  method: 'PUT';
  url: string;
  /** Headers the upload must carry exactly (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

/** The uploaded import files (S3 in AWS). */
export interface ImportFiles {
  uploadTarget(tenantId: string, importId: string, expiresInSeconds: number): Promise<UploadTarget>;
  /** Bytes uploaded, or undefined while nothing is. */
  size(tenantId: string, importId: string): Promise<number | undefined>;
  /** The file as a stream: it is read, never held whole in memory. */
  open(tenantId: string, importId: string): Promise<Readable>;
}

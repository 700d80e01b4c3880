import type { Readable } from 'node:stream';

/** Where a client uploads an import file: a short-lived URL it PUTs the file to. */
export interface UploadTarget {
  method: 'PUT';
  url: string;
  /** Headers the upload must carry exactly (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface UploadedFile {
  bytes: number;
  /** The store's version of the file (S3 version id); undefined where the store keeps none. */
  versionId?: string;
}

/** The uploaded import files (S3 in AWS). */
export interface ImportFiles {
  uploadTarget(tenantId: string, importId: string, expiresInSeconds: number): Promise<UploadTarget>;
  /** The file uploaded (its bytes and version), or undefined while nothing is. */
  describe(tenantId: string, importId: string): Promise<UploadedFile | undefined>;
  /** The file (that version of it, when given) as a stream: read, never held whole in memory. */
  open(tenantId: string, importId: string, versionId?: string): Promise<Readable>;
}

/**
 * Object storage for documents' files. Files never pass through the API: the client uploads
 * straight to storage with a signed form, and downloads from a short-lived signed URL.
 */
export interface UploadForm {
  /** POST the form here as multipart/form-data: the fields first, the file last (as `file`). */
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

export interface StoredFile {
  size: number;
  /** The first bytes of the file (at most the number asked for). */
  head: Uint8Array;
  /** The storage's version of these bytes (a bucket with versioning). */
  version?: string;
}

export interface FileStore {
  /** A signed upload form that storage honours only for this key, this exact type and up to `maxBytes`. */
  uploadForm(request: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<UploadForm>;
  /** A signed URL that serves the file (that version of it) as an attachment named `fileName`. */
  downloadUrl(request: {
    key: string;
    version?: string;
    fileName: string;
    contentType: string;
    expiresInSeconds: number;
  }): Promise<{ url: string; expiresAt: string }>;
  /** What is stored under the key now, or undefined when nothing is. */
  inspect(key: string, headBytes: number): Promise<StoredFile | undefined>;
}

import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Clock } from '../../ports/clock';
import type { FileStore, StoredFile, UploadForm } from '../../ports/file-store';

/**
 * Documents' files in an S3 bucket. Uploads are presigned POST forms whose policy pins the key,
 * the exact `Content-Type` and a `content-length-range`, so S3 itself refuses anything else;
 * downloads are presigned GETs that answer the file as an attachment under its sanitised name.
 */
export class S3FileStore implements FileStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly clock: Clock,
  ) {}

  async uploadForm(request: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<UploadForm> {
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: request.key,
      Fields: { 'Content-Type': request.contentType },
      Conditions: [
        ['content-length-range', 1, request.maxBytes],
        ['eq', '$Content-Type', request.contentType],
      ],
      Expires: request.expiresInSeconds,
    });
    return { url, fields, expiresAt: this.inSeconds(request.expiresInSeconds) };
  }

  async downloadUrl(request: {
    key: string;
    version?: string;
    fileName: string;
    contentType: string;
    expiresInSeconds: number;
  }): Promise<{ url: string; expiresAt: string }> {
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: request.key,
        ...(request.version ? { VersionId: request.version } : {}),
        ResponseContentType: request.contentType,
        ResponseContentDisposition: contentDisposition(request.fileName),
      }),
      { expiresIn: request.expiresInSeconds },
    );
    return { url, expiresAt: this.inSeconds(request.expiresInSeconds) };
  }

  async inspect(key: string, headBytes: number): Promise<StoredFile | undefined> {
    let size: number;
    let version: string | undefined;
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      size = head.ContentLength ?? 0;
      version = head.VersionId;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
    const versioned = version ? { version } : {};
    if (size === 0) return { size, head: new Uint8Array(), ...versioned };
    // The very version measured above, though another upload may have landed since.
    const object = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Range: `bytes=0-${headBytes - 1}`,
        ...(version ? { VersionId: version } : {}),
      }),
    );
    const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    return { size, head: bytes.subarray(0, headBytes), ...versioned };
  }

  private inSeconds(seconds: number): string {
    return new Date(this.clock.now().getTime() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

/** An attachment with an ASCII fallback name and the exact name in RFC 5987 form. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Clock } from '../../ports/clock';
import type { ImportFiles, UploadedFile, UploadTarget } from '../../ports/import-files';

const CONTENT_TYPE = 'text/csv';

/**
 * Import files in a private, versioned bucket, uploaded by presigned PUT and read back as a stream
 * (the version an import started with).
 */
export class S3ImportFiles implements ImportFiles {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly clock: Clock,
  ) {}

  static keyOf(tenantId: string, importId: string): string {
    return `imports/${tenantId}/${importId}.csv`;
  }

  async uploadTarget(tenantId: string, importId: string, expiresInSeconds: number): Promise<UploadTarget> {
    const url = await getSignedUrl(
      this.s3,
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: S3ImportFiles.keyOf(tenantId, importId),
        ContentType: CONTENT_TYPE,
      }),
      // Signed on the real clock, as S3 checks it.
      { expiresIn: expiresInSeconds },
    );
    return {
      method: 'PUT',
      url,
      headers: { 'content-type': CONTENT_TYPE },
      expiresAt: new Date(this.clock.now().getTime() + expiresInSeconds * 1000).toISOString(),
    };
  }

  async describe(tenantId: string, importId: string): Promise<UploadedFile | undefined> {
    try {
      const head = await this.s3.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: S3ImportFiles.keyOf(tenantId, importId) }),
      );
      return { bytes: head.ContentLength ?? 0, ...(head.VersionId ? { versionId: head.VersionId } : {}) };
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404) return undefined;
      throw error;
    }
  }

  async open(tenantId: string, importId: string, versionId?: string): Promise<Readable> {
    const object = await this.s3.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: S3ImportFiles.keyOf(tenantId, importId),
        ...(versionId ? { VersionId: versionId } : {}),
      }),
    );
    return object.Body as Readable;
  }
}

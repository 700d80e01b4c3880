/**
 * The two EventBridge events that move a document on: S3's `Object Created` (the upload arrived)
 * and GuardDuty Malware Protection's `Object Scan Result` (the scan finished and tagged the object).
 * Both only name the object; what it holds and what the scan said are read from S3 itself.
 */
export interface StorageEvent {
  source?: string;
  'detail-type'?: string;
  detail?: {
    bucket?: { name?: string };
    object?: { key?: string; 'version-id'?: string };
    s3ObjectDetails?: { bucketName?: string; objectKey?: string; versionId?: string };
  };
}

export function objectKeyOf(event: StorageEvent): string | undefined {
  if (event.source === 'aws.s3' && event['detail-type'] === 'Object Created') {
    return event.detail?.object?.key;
  }
  if (
    event.source === 'aws.guardduty' &&
    event['detail-type'] === 'GuardDuty Malware Protection Object Scan Result'
  ) {
    return event.detail?.s3ObjectDetails?.objectKey;
  }
  return undefined;
}

/**
 * What the document store accepts: scanned invoices, contracts and proofs of payment as PDF or
 * images, at most 10 MB each. The same rules are checked three times: on the declaration (400),
 * by the storage's signed upload policy (size and type), and on the stored bytes themselves.
 */
import type { FieldIssue } from '../errors';

/** Types a scanner, a phone camera or a PDF printer produces, and nothing that runs. */
export const ALLOWED_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/heic',
] as const;
export type DocumentContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

/** 10 MiB: a multi-page scan at 300 dpi fits; a video does not. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export function isAllowedContentType(value: string): value is DocumentContentType {
  return (ALLOWED_CONTENT_TYPES as readonly string[]).includes(value);
}

/** Problems with a file as declared before upload; empty when it may be uploaded. */
export function declaredFileIssues(declared: { contentType: string; size: number }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isAllowedContentType(declared.contentType)) {
    issues.push({ path: 'contentType', message: `must be one of ${ALLOWED_CONTENT_TYPES.join(', ')}` });
  }
  if (!Number.isInteger(declared.size) || declared.size < 1) {
    issues.push({ path: 'size', message: 'must be a whole number of bytes, at least 1' });
  } else if (declared.size > MAX_DOCUMENT_BYTES) {
    issues.push({ path: 'size', message: `must not exceed ${MAX_DOCUMENT_BYTES} bytes (10 MB)` });
  }
  return issues;
}

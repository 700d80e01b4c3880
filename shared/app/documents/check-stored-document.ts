/**
 * A file arrived in storage, or its malware scan finished: look at the stored bytes (real size,
 * real type from the first bytes), ask the scan, and make the document available or reject it.
 * Storage events arrive at least once and in any order, so this may run many times per document.
 */
import {
  completeUpload,
  parseDocumentObjectKey,
  storedFileProblem,
  type StoredDocument,
} from '../../domain/documents/document';
import { SIGNATURE_BYTES } from '../../domain/documents/file-signature';
import { ConflictError } from '../../domain/errors';
import { ConcurrentChangeError } from '../../ports/concurrent-change';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { documentsActor } from '../cases/system-actor';

const MAX_ATTEMPTS = 3;

export async function checkStoredDocument(
  services: Pick<Services, 'clock' | 'ids' | 'documents' | 'files' | 'malwareScanner'>,
  objectKey: string,
): Promise<StoredDocument | undefined> {
  const named = parseDocumentObjectKey(objectKey);
  if (!named) return undefined;
  for (let attempt = 1; ; attempt++) {
    const before = await services.documents.get(named.tenantId, named.documentId);
    // A key the API never handed out (or of another debtor) names no document.
    if (!before || before.debtorId !== named.debtorId) return undefined;
    if (before.status === 'available' || before.status === 'rejected') return before;
    const stored = await services.files.inspect(objectKey, SIGNATURE_BYTES);
    if (!stored) return before;
    // Bytes that are not the announced file are refused without waiting for the scan.
    const verdict = storedFileProblem(before, stored)
      ? 'pending'
      : await services.malwareScanner.verdict(objectKey, stored.version);
    const now = services.clock.now();
    const after = completeUpload(before, stored, verdict, now);
    if (after === before) return before;
    const audit = auditor(services.ids, documentsActor(named.tenantId), now);
    try {
      await services.documents.update(before, after, {
        audit: [audit('document', after.id, `document.${after.status}`, before, after)],
      });
      return after;
    } catch (error) {
      // The upload and the scan result raced: read again and decide on what is there.
      if (attempt >= MAX_ATTEMPTS || !isConflict(error)) throw error;
    }
  }
}

function isConflict(error: unknown): boolean {
  return error instanceof ConcurrentChangeError || error instanceof ConflictError;
}

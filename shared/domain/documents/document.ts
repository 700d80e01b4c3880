/**
 * A document attached to a debtor, one of its invoices, disputes or payments: scanned invoices,
 * contracts, proofs of payment, a dispute's evidence. Its life: announced (`pending_upload`, with a
 * signed upload form), stored (`pending_scan` until the malware scan answers), then `available`
 * for download or `rejected` with the reason. Only an available document is ever served.
 */
import type { Actor } from '../actor';
import { detectContentType } from './file-signature';
import { MAX_DOCUMENT_BYTES, type DocumentContentType } from './file-rules';

export const DOCUMENT_CATEGORIES = [
  'invoice_copy',
  'contract',
  'proof_of_payment',
  'dispute_evidence',
  'other',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const ATTACHMENT_KINDS = ['debtor', 'invoice', 'dispute', 'payment'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export type DocumentStatus = 'pending_upload' | 'pending_scan' | 'available' | 'rejected';

export type RejectionReason =
  'empty' | 'too_large' | 'wrong_type' | 'infected' | 'unscannable' | 'scan_failed' | 'replaced';

export interface StoredDocument {
  id: string;
  tenantId: string;
  debtorId: string;
  attachedTo: { kind: AttachmentKind; id: string };
  /** Sanitised (file-name.ts). */
  fileName: string;
  contentType: DocumentContentType;
  /** Bytes: as declared until the upload arrives, then as stored. */
  size: number;
  category: DocumentCategory;
  status: DocumentStatus;
  rejectionReason?: RejectionReason;
  uploadedBy: string;
  createdAt: string;
  uploadedAt?: string;
  decidedAt?: string;
  /**
   * The storage version of the bytes that were checked. The signed form works until it expires,
   * so the object can be overwritten after the check: only this version is ever served.
   */
  fileVersion?: string;
  version: number;
}

/** What the malware scan says of a stored file; `pending` until it has looked. */
export type ScanVerdict = 'clean' | 'infected' | 'pending' | 'unscannable' | 'failed';

/** Where the file lives in object storage: one folder per tenant and debtor. */
export function documentObjectKey(document: Pick<StoredDocument, 'tenantId' | 'debtorId' | 'id'>): string {
  return `documents/${document.tenantId}/${document.debtorId}/${document.id}`;
}

/** The document an object key names, or undefined for any other object. */
export function parseDocumentObjectKey(
  key: string,
): { tenantId: string; debtorId: string; documentId: string } | undefined {
  const match = /^documents\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})\/(dbt_[0-9A-Z]{26})\/(doc_[0-9A-Z]{26})$/.exec(
    key,
  );
  return match ? { tenantId: match[1]!, debtorId: match[2]!, documentId: match[3]! } : undefined;
}

export function announceDocument(
  id: string,
  file: {
    tenantId: string;
    debtorId: string;
    attachedTo: { kind: AttachmentKind; id: string };
    fileName: string;
    contentType: DocumentContentType;
    size: number;
    category: DocumentCategory;
  },
  actor: Actor,
  now: Date,
): StoredDocument {
  return {
    id,
    ...file,
    status: 'pending_upload',
    uploadedBy: actor.sub,
    createdAt: now.toISOString(),
    version: 1,
  };
}

/** Why the stored bytes are not the file that was announced, if they are not. */
export function storedFileProblem(
  document: StoredDocument,
  stored: { size: number; head: Uint8Array; version?: string },
): RejectionReason | undefined {
  // Uploaded again while the first upload was being checked: which bytes were meant is unknowable.
  if (document.fileVersion !== undefined && stored.version !== document.fileVersion) return 'replaced';
  if (stored.size === 0) return 'empty';
  if (stored.size > MAX_DOCUMENT_BYTES) return 'too_large';
  if (detectContentType(stored.head) !== document.contentType) return 'wrong_type';
  return undefined;
}

const VERDICT_REJECTS: Partial<Record<ScanVerdict, RejectionReason>> = {
  infected: 'infected',
  unscannable: 'unscannable',
  failed: 'scan_failed',
};

/**
 * The document after its file was stored and looked at. A decided document stays as it is: the
 * storage's events arrive at least once and in any order.
 */
export function completeUpload(
  document: StoredDocument,
  stored: { size: number; head: Uint8Array; version?: string },
  verdict: ScanVerdict,
  now: Date,
): StoredDocument {
  if (document.status === 'available' || document.status === 'rejected') return document;
  const reason = storedFileProblem(document, stored) ?? VERDICT_REJECTS[verdict];
  const at = now.toISOString();
  const base = {
    ...document,
    size: stored.size,
    uploadedAt: document.uploadedAt ?? at,
    ...(stored.version !== undefined ? { fileVersion: stored.version } : {}),
    version: document.version + 1,
  };
  if (reason) return { ...base, status: 'rejected', rejectionReason: reason, decidedAt: at };
  if (verdict === 'pending') {
    // Nothing new to say: a repeated event while the scan runs changes nothing.
    return document.status === 'pending_scan' ? document : { ...base, status: 'pending_scan' };
  }
  return { ...base, status: 'available', decidedAt: at };
}

const KIND_OF_PREFIX: Record<string, AttachmentKind> = {
  dbt: 'debtor',
  inv: 'invoice',
  dsp: 'dispute',
  pay: 'payment',
};

/** The record an id names, by its prefix (`inv_…` is an invoice), or undefined for any other id. */
export function attachmentOfId(id: string): { kind: AttachmentKind; id: string } | undefined {
  const kind = KIND_OF_PREFIX[id.split('_')[0] ?? ''];
  return kind ? { kind, id } : undefined;
}

import type { AttachmentKind, StoredDocument } from '../domain/documents/document';
import type { WriteContext } from './write-context';

/** Documents' records (their files are in the FileStore). */
export interface DocumentStore {
  get(tenantId: string, id: string): Promise<StoredDocument | undefined>;
  /** A debtor's documents, oldest first; only those attached to one record when `attachedTo` is given. */
  listByDebtor(
    tenantId: string,
    debtorId: string,
    attachedTo?: { kind: AttachmentKind; id: string },
  ): Promise<StoredDocument[]>;
  create(document: StoredDocument, context: WriteContext): Promise<void>;
  /** Puts `after` on condition that the stored record is still `before` (its version). */
  update(before: StoredDocument, after: StoredDocument, context: WriteContext): Promise<void>;
}

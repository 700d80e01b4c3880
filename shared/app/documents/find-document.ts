import { canSeeDebtor, type Actor } from '../../domain/actor';
import type { StoredDocument } from '../../domain/documents/document';
import { NotFoundError } from '../../domain/errors';
import type { DocumentStore } from '../../ports/document-store';

/** A document the actor may see (staff: the tenant's; a portal user: their own debtor's). */
export async function findVisibleDocument(
  documents: DocumentStore,
  actor: Actor,
  id: string,
): Promise<StoredDocument> {
  const document = await documents.get(actor.tenantId, id);
  if (!document || !canSeeDebtor(actor, document.debtorId)) throw new NotFoundError('Document');
  return document;
}

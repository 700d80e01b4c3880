import type { AttachmentKind } from '../../domain/documents/document';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { documentView } from '../views/document-view';

/** A debtor's documents, oldest first, optionally only those of one invoice, dispute or payment. */
export async function listDocuments(
  services: Pick<Services, 'debtors' | 'documents'>,
  context: UseCaseContext,
  debtorId: string,
  attachedTo?: { kind: AttachmentKind; id: string },
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const documents = await services.documents.listByDebtor(debtor.tenantId, debtor.id, attachedTo);
  return { items: documents.map(documentView) };
}

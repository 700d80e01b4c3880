/**
 * Announces a document and hands out the signed form to upload its file straight to storage.
 * The declaration is checked here (400), and again by storage (the form's policy) and by the
 * scan of the stored bytes: the record says `pending_upload` until then.
 */
import {
  announceDocument,
  documentObjectKey,
  type AttachmentKind,
  type DocumentCategory,
} from '../../domain/documents/document';
import { sanitizeFileName } from '../../domain/documents/file-name';
import { declaredFileIssues, isAllowedContentType } from '../../domain/documents/file-rules';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';
import { documentView } from '../views/document-view';
import { attachmentTarget } from './attachment-target';

/** Long enough to pick a file on a phone and send 10 MB on a slow line; short enough not to linger. */
export const UPLOAD_FORM_SECONDS = 15 * 60;

export interface UploadRequest {
  attachedTo: { kind: AttachmentKind; id: string };
  /** The debtor the request names (its path), when it names one: the record must be theirs. */
  debtorId?: string;
  fileName: string;
  contentType: string;
  size: number;
  category: DocumentCategory;
}

const ENTITY_OF_KIND: Record<AttachmentKind, string> = {
  debtor: 'Debtor',
  invoice: 'Invoice',
  dispute: 'Dispute',
  payment: 'Payment',
};

export async function requestUpload(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'invoices' | 'ledger' | 'documents' | 'files'>,
  context: UseCaseContext,
  request: UploadRequest,
) {
  const { debtorId } = await attachmentTarget(services, context, request.attachedTo);
  // Another debtor's record would put the file in the wrong debtor's folder: as if not there.
  if (request.debtorId !== undefined && request.debtorId !== debtorId) {
    throw new NotFoundError(ENTITY_OF_KIND[request.attachedTo.kind]);
  }
  const issues = declaredFileIssues(request);
  if (issues.length > 0 || !isAllowedContentType(request.contentType)) throw new ValidationError(issues);
  const now = services.clock.now();
  const document = announceDocument(
    services.ids.next('doc'),
    {
      tenantId: context.actor.tenantId,
      debtorId,
      attachedTo: request.attachedTo,
      fileName: sanitizeFileName(request.fileName),
      contentType: request.contentType,
      size: request.size,
      category: request.category,
    },
    context.actor,
    now,
  );
  const upload = await services.files.uploadForm({
    key: documentObjectKey(document),
    contentType: document.contentType,
    // The declared size is the most storage takes: a bigger file is refused before it is stored.
    maxBytes: document.size,
    expiresInSeconds: UPLOAD_FORM_SECONDS,
  });
  const view = { ...documentView(document), upload };
  const audit = auditor(services.ids, context.actor, now);
  await services.documents.create(document, {
    audit: [audit('document', document.id, 'document.announced', null, document)],
    idempotency: context.idempotency && { ...context.idempotency, body: view },
  });
  return { document, view };
}

import { documentObjectKey } from '../../domain/documents/document';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { documentView } from '../views/document-view';
import { findVisibleDocument } from './find-document';

/** Short: a link copied out of the page soon stops working. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/** A document and, once it is available, a short-lived link to download it. */
export async function getDocument(
  services: Pick<Services, 'documents' | 'files'>,
  context: UseCaseContext,
  id: string,
) {
  const document = await findVisibleDocument(services.documents, context.actor, id);
  if (document.status !== 'available') return documentView(document);
  const download = await services.files.downloadUrl({
    key: documentObjectKey(document),
    ...(document.fileVersion ? { version: document.fileVersion } : {}),
    fileName: document.fileName,
    contentType: document.contentType,
    expiresInSeconds: DOWNLOAD_URL_SECONDS,
  });
  return { ...documentView(document), download };
}

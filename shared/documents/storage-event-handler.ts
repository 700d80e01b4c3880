/** The Lambda wrapper of the document check: Powertools as everywhere, no object key in the logs. */
import { checkStoredDocument } from '../app/documents/check-stored-document';
import { lambdaHandler } from '../observability/lambda-handler';
import { logger, metrics } from '../observability/powertools';
import { objectKeyOf, type StorageEvent } from './storage-events';

export function storageEventHandler(services: () => Parameters<typeof checkStoredDocument>[0]) {
  return lambdaHandler<StorageEvent, void>(async (event) => {
    const key = objectKeyOf(event);
    if (!key) {
      logger.warn('Not a storage event of a document; ignored', { source: event.source });
      return;
    }
    const document = await checkStoredDocument(services(), key);
    if (!document) {
      // An object no document announced (or removed since): nothing to decide.
      logger.warn('A stored object names no document; ignored', { detailType: event['detail-type'] });
      return;
    }
    metrics.addMetric(`Documents_${document.status}`, 'Count', 1);
    logger.info('Document checked', {
      document: document.id,
      status: document.status,
      ...(document.rejectionReason ? { reason: document.rejectionReason } : {}),
    });
  });
}

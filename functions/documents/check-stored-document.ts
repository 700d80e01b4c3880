import { storageEventHandler } from '../../shared/documents/storage-event-handler';
import { documentFilesFromEnvironment } from '../../shared/runtime/document-files';
import { provideDocumentFiles, services } from '../../shared/runtime/services';

provideDocumentFiles(documentFilesFromEnvironment);

export const handler = storageEventHandler(services);

import { storageEventHandler } from '../../shared/documents/storage-event-handler';
import { documents } from '../../shared/runtime/factories/documents';
import { files } from '../../shared/runtime/factories/files';
import { malwareScanner } from '../../shared/runtime/factories/malware-scanner';
import { wireServices } from '../../shared/runtime/wire-services';

const services = wireServices({ documents, files, malwareScanner });

export const handler = storageEventHandler(services);

import { importWorkerHandler } from '../../shared/imports/import-worker';
import { importFilesFromEnvironment } from '../../shared/runtime/import-files';
import { provideImportFiles, services } from '../../shared/runtime/services';

provideImportFiles(importFilesFromEnvironment);

export const handler = importWorkerHandler(services);

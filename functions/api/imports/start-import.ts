import { startImport } from '../../../shared/app/imports/start-import';
import { apiHandler } from '../../../shared/http/api-handler';
import { startImport as route } from '../../../shared/http/routes/imports';
import { provideImportFiles, services } from '../../../shared/runtime/services';
import { importFilesFromEnvironment } from '../../../shared/runtime/import-files';

provideImportFiles(importFilesFromEnvironment);

export const handler = apiHandler(route, async ({ actor, params, body }) => ({
  body: (await startImport(services(), { actor }, params.id, body)).view,
}));

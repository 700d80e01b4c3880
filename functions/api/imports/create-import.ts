import { createImport } from '../../../shared/app/imports/create-import';
import { apiHandler } from '../../../shared/http/api-handler';
import { createImport as route } from '../../../shared/http/routes/imports';
import { provideImportFiles, services } from '../../../shared/runtime/services';
import { importFilesFromEnvironment } from '../../../shared/runtime/import-files';

provideImportFiles(importFilesFromEnvironment);

export const handler = apiHandler(route, async ({ actor, idempotency, body }) => {
  const { job, view } = await createImport(services(), { actor, idempotency }, body);
  return { body: view, headers: { location: `/v1/imports/${job.id}` } };
});

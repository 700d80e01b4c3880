import { createImport } from '../../../shared/app/imports/create-import';
import { apiHandler } from '../../../shared/http/api-handler';
import { createImport as route } from '../../../shared/http/routes/imports';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { importFiles } from '../../../shared/runtime/factories/import-files';
import { imports } from '../../../shared/runtime/factories/imports';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ idempotency: idempotencyStore, importFiles, imports });

export const handler = apiHandler(route, services, async ({ actor, idempotency, body }) => {
  const { job, view } = await createImport(services(), { actor, idempotency }, body);
  return { body: view, headers: { location: `/v1/imports/${job.id}` } };
});

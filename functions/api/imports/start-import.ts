import { startImport } from '../../../shared/app/imports/start-import';
import { apiHandler } from '../../../shared/http/api-handler';
import { startImport as route } from '../../../shared/http/routes/imports';
import { importFiles } from '../../../shared/runtime/factories/import-files';
import { importRunner } from '../../../shared/runtime/factories/import-runner';
import { imports } from '../../../shared/runtime/factories/imports';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ importFiles, importRunner, imports });

export const handler = apiHandler(route, services, async ({ actor, params, body }) => ({
  body: (await startImport(services(), { actor }, params.id, body)).view,
}));

import { getDocument } from '../../../shared/app/documents/get-document';
import { apiHandler } from '../../../shared/http/api-handler';
import { getDocument as route } from '../../../shared/http/routes/documents';
import { documents } from '../../../shared/runtime/factories/documents';
import { files } from '../../../shared/runtime/factories/files';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ documents, files });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await getDocument(services(), { actor }, params.id),
}));

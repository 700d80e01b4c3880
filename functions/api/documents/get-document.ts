import { getDocument } from '../../../shared/app/documents/get-document';
import { apiHandler } from '../../../shared/http/api-handler';
import { getDocument as route } from '../../../shared/http/routes/documents';
import { documentFilesFromEnvironment } from '../../../shared/runtime/document-files';
import { provideDocumentFiles, services } from '../../../shared/runtime/services';

provideDocumentFiles(documentFilesFromEnvironment);

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await getDocument(services(), { actor }, params.id),
}));

import { requestUpload } from '../../../shared/app/documents/request-upload';
import { apiHandler } from '../../../shared/http/api-handler';
import { createDisputeDocument as route } from '../../../shared/http/routes/documents';
import { documentFilesFromEnvironment } from '../../../shared/runtime/document-files';
import { provideDocumentFiles, services } from '../../../shared/runtime/services';

provideDocumentFiles(documentFilesFromEnvironment);

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => {
  const { document, view } = await requestUpload(
    services(),
    { actor, idempotency },
    {
      ...body,
      attachedTo: { kind: 'dispute', id: params.id },
    },
  );
  return { body: view, headers: { location: `/v1/documents/${document.id}` } };
});

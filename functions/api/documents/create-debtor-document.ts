import { requestUpload } from '../../../shared/app/documents/request-upload';
import { apiHandler } from '../../../shared/http/api-handler';
import { createDebtorDocument as route } from '../../../shared/http/routes/documents';
import { documentFilesFromEnvironment } from '../../../shared/runtime/document-files';
import { provideDocumentFiles, services } from '../../../shared/runtime/services';

provideDocumentFiles(documentFilesFromEnvironment);

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => {
  const { attachedTo, ...file } = body;
  const { document, view } = await requestUpload(
    services(),
    { actor, idempotency },
    {
      ...file,
      attachedTo: attachedTo ?? { kind: 'debtor', id: params.id },
      debtorId: params.id,
    },
  );
  return { body: view, headers: { location: `/v1/documents/${document.id}` } };
});

import { listDocuments } from '../../../shared/app/documents/list-documents';
import { attachmentOfId } from '../../../shared/domain/documents/document';
import { apiHandler } from '../../../shared/http/api-handler';
import { listDebtorDocuments as route } from '../../../shared/http/routes/documents';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => {
  const attachedTo = query.attachedTo === undefined ? undefined : attachmentOfId(query.attachedTo);
  return { body: await listDocuments(services(), { actor }, params.id, attachedTo) };
});

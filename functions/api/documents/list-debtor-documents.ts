import { listDocuments } from '../../../shared/app/documents/list-documents';
import { attachmentOfId } from '../../../shared/domain/documents/document';
import { apiHandler } from '../../../shared/http/api-handler';
import { listDebtorDocuments as route } from '../../../shared/http/routes/documents';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { documents } from '../../../shared/runtime/factories/documents';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, documents });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => {
  const attachedTo = query.attachedTo === undefined ? undefined : attachmentOfId(query.attachedTo);
  return { body: await listDocuments(services(), { actor }, params.id, attachedTo) };
});

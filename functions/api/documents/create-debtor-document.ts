import { requestUpload } from '../../../shared/app/documents/request-upload';
import { apiHandler } from '../../../shared/http/api-handler';
import { createDebtorDocument as route } from '../../../shared/http/routes/documents';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { documents } from '../../../shared/runtime/factories/documents';
import { files } from '../../../shared/runtime/factories/files';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, documents, files, idempotency: idempotencyStore, invoices, ledger });

export const handler = apiHandler(route, services, async ({ actor, idempotency, params, body }) => {
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

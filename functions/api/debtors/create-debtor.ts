import { createDebtor } from '../../../shared/app/debtors/create-debtor';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { createDebtor as route } from '../../../shared/http/routes/debtors';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, idempotency: idempotencyStore });

export const handler = apiHandler(route, services, async ({ actor, idempotency, body }) => {
  const { debtor, view } = await createDebtor(services(), { actor, idempotency }, body);
  return { body: view, headers: { location: `/v1/debtors/${debtor.id}`, ...etag(debtor.version) } };
});

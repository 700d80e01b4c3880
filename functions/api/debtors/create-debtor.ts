import { createDebtor } from '../../../shared/app/debtors/create-debtor';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { createDebtor as route } from '../../../shared/http/routes/debtors';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, body }) => {
  const { debtor, view } = await createDebtor(services(), { actor, idempotency }, body);
  return { body: view, headers: { location: `/v1/debtors/${debtor.id}`, ...etag(debtor.version) } };
});

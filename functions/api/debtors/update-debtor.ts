import { updateDebtor } from '../../../shared/app/debtors/update-debtor';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { updateDebtor as route } from '../../../shared/http/routes/debtors';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, body, ifMatch }) => {
  const { debtor, view } = await updateDebtor(
    services(),
    { actor, expectedVersion: ifMatch },
    params.id,
    body,
  );
  return { body: view, headers: etag(debtor.version) };
});

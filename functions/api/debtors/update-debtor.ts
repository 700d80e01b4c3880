import { updateDebtor } from '../../../shared/app/debtors/update-debtor';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { updateDebtor as route } from '../../../shared/http/routes/debtors';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors });

export const handler = apiHandler(route, services, async ({ actor, params, body, ifMatch }) => {
  const { debtor, view } = await updateDebtor(
    services(),
    { actor, expectedVersion: ifMatch },
    params.id,
    body,
  );
  return { body: view, headers: etag(debtor.version) };
});

import { getDebtor } from '../../../shared/app/debtors/get-debtor';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { getDebtor as route } from '../../../shared/http/routes/debtors';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, ledger });

export const handler = apiHandler(route, services, async ({ actor, params }) => {
  const { debtor, view } = await getDebtor(services(), { actor }, params.id);
  // A merged debtor answers with its own record (its history) and names where its records went.
  const moved: Record<string, string> = debtor.mergedInto
    ? { location: `/v1/debtors/${debtor.mergedInto}` }
    : {};
  return { body: view, headers: { ...etag(debtor.version), ...moved } };
});

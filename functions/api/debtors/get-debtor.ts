import { getDebtor } from '../../../shared/app/debtors/get-debtor';
import { etag } from '../../../shared/app/views/etag';
import { apiHandler } from '../../../shared/http/api-handler';
import { getDebtor as route } from '../../../shared/http/routes/debtors';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => {
  const { debtor, view } = await getDebtor(services(), { actor }, params.id);
  // A merged debtor answers with its own record (its history) and names where its records went.
  const moved: Record<string, string> = debtor.mergedInto
    ? { location: `/v1/debtors/${debtor.mergedInto}` }
    : {};
  return { body: view, headers: { ...etag(debtor.version), ...moved } };
});

import { findDuplicates } from '../../../shared/app/debtors/find-duplicates';
import { apiHandler } from '../../../shared/http/api-handler';
import { findDuplicates as route } from '../../../shared/http/routes/merges';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await findDuplicates(services(), { actor }, params.id),
}));

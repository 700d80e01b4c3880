import { findDuplicates } from '../../../shared/app/debtors/find-duplicates';
import { apiHandler } from '../../../shared/http/api-handler';
import { findDuplicates as route } from '../../../shared/http/routes/merges';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await findDuplicates(services(), { actor }, params.id),
}));

import { listDebtors } from '../../../shared/app/debtors/list-debtors';
import { apiHandler } from '../../../shared/http/api-handler';
import { listDebtors as route } from '../../../shared/http/routes/debtors';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors });

export const handler = apiHandler(route, services, async ({ actor, query }) => ({
  body: await listDebtors(services(), { actor }, query),
}));

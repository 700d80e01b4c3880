import { listDebtors } from '../../../shared/app/debtors/list-debtors';
import { apiHandler } from '../../../shared/http/api-handler';
import { listDebtors as route } from '../../../shared/http/routes/debtors';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, query }) => ({
  body: await listDebtors(services(), { actor }, query),
}));

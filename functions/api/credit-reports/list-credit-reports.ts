import { listCreditReports } from '../../../shared/app/credit/list-credit-reports';
import { apiHandler } from '../../../shared/http/api-handler';
import { listCreditReports as route } from '../../../shared/http/routes/credit-reports';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, query }) => ({
  body: await listCreditReports(services(), { actor }, params.id, query),
}));

import { listCreditReports } from '../../../shared/app/credit/list-credit-reports';
import { apiHandler } from '../../../shared/http/api-handler';
import { listCreditReports as route } from '../../../shared/http/routes/credit-reports';
import { creditReports } from '../../../shared/runtime/factories/credit-reports';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ creditReports, debtors });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => ({
  body: await listCreditReports(services(), { actor }, params.id, query),
}));

import { getCase } from '../../../shared/app/cases/get-case';
import { apiHandler } from '../../../shared/http/api-handler';
import { getDebtorCase as route } from '../../../shared/http/routes/cases';
import { cases } from '../../../shared/runtime/factories/cases';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ cases, debtors });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await getCase(services(), { actor }, params.id),
}));

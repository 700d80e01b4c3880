import { getCase } from '../../../shared/app/cases/get-case';
import { apiHandler } from '../../../shared/http/api-handler';
import { getDebtorCase as route } from '../../../shared/http/routes/cases';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await getCase(services(), { actor }, params.id),
}));

import { listPolicies } from '../../../shared/app/policies/list-policies';
import { apiHandler } from '../../../shared/http/api-handler';
import { listPolicies as route } from '../../../shared/http/routes/policies';
import { policies } from '../../../shared/runtime/factories/policies';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ policies });

export const handler = apiHandler(route, services, async ({ actor, query }) => ({
  body: await listPolicies(services(), { actor }, query),
}));

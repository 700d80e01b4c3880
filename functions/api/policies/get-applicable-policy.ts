import { getApplicablePolicy } from '../../../shared/app/policies/get-applicable-policy';
import { apiHandler } from '../../../shared/http/api-handler';
import { getApplicablePolicy as route } from '../../../shared/http/routes/policies';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await getApplicablePolicy(services(), { actor }, params.id),
}));

import { getApplicablePolicy } from '../../../shared/app/policies/get-applicable-policy';
import { apiHandler } from '../../../shared/http/api-handler';
import { getApplicablePolicy as route } from '../../../shared/http/routes/policies';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { policies } from '../../../shared/runtime/factories/policies';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, ledger, policies });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await getApplicablePolicy(services(), { actor }, params.id),
}));

import { listPromises } from '../../../shared/app/promises/list-promises';
import { apiHandler } from '../../../shared/http/api-handler';
import { listPromises as route } from '../../../shared/http/routes/promises-and-plans';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, ledger });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await listPromises(services(), { actor }, params.id),
}));

import { getMerge } from '../../../shared/app/debtors/get-merge';
import { apiHandler } from '../../../shared/http/api-handler';
import { getMerge as route } from '../../../shared/http/routes/merges';
import { merges } from '../../../shared/runtime/factories/merges';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ merges });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await getMerge(services(), { actor }, params.id),
}));

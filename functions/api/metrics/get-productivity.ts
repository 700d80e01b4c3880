import { getProductivity } from '../../../shared/app/metrics/get-productivity';
import { apiHandler } from '../../../shared/http/api-handler';
import { getProductivity as route } from '../../../shared/http/routes/productivity';
import { contacts } from '../../../shared/runtime/factories/contacts';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ contacts, settings });

export const handler = apiHandler(route, services, async ({ actor, query }) => ({
  body: await getProductivity(services(), { actor }, query),
}));

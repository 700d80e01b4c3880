import { getPortfolio } from '../../../shared/app/portfolio/get-portfolio';
import { apiHandler } from '../../../shared/http/api-handler';
import { getPortfolio as route } from '../../../shared/http/routes/portfolio';
import { exchangeRates } from '../../../shared/runtime/factories/exchange-rates';
import { facts } from '../../../shared/runtime/factories/facts';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ exchangeRates, facts, settings });

export const handler = apiHandler(route, services, async ({ actor, query }) => ({
  body: await getPortfolio(services(), { actor }, query),
}));

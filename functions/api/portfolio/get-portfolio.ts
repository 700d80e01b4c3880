import { getPortfolio } from '../../../shared/app/portfolio/get-portfolio';
import { apiHandler } from '../../../shared/http/api-handler';
import { getPortfolio as route } from '../../../shared/http/routes/portfolio';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, query }) => ({
  body: await getPortfolio(services(), { actor }, query),
}));

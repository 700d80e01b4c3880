import { getForecast } from '../../../shared/app/forecast/forecast-cash';
import { apiHandler } from '../../../shared/http/api-handler';
import { getForecast as route } from '../../../shared/http/routes/forecast';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, query }) => ({
  body: await getForecast(services(), { actor }, query),
}));

import { READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { forecastQuery, forecastView } from '../schemas/forecast';

export const getForecast = defineRoute({
  id: 'getForecast',
  method: 'GET',
  path: '/v1/forecast',
  handlerEntry: 'functions/api/forecast/get-forecast.ts',
  summary: 'Expected collections per week for the next 13 weeks, with the accuracy of past forecasts',
  tag: 'Metrics',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { query: forecastQuery },
  responses: { 200: { description: 'The forecast', schema: forecastView } },
});

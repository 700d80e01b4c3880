import { getForecast } from '../../../shared/app/forecast/forecast-cash';
import { apiHandler } from '../../../shared/http/api-handler';
import { getForecast as route } from '../../../shared/http/routes/forecast';
import { facts } from '../../../shared/runtime/factories/facts';
import { forecasts } from '../../../shared/runtime/factories/forecasts';
import { receivableDays } from '../../../shared/runtime/factories/receivable-days';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ facts, forecasts, receivableDays, settings });

export const handler = apiHandler(route, services, async ({ actor, query }) => ({
  body: await getForecast(services(), { actor }, query),
}));

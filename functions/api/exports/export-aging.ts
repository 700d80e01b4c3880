import { exportAging } from '../../../shared/app/exports/export-aging';
import { apiHandler } from '../../../shared/http/api-handler';
import { exportAging as route } from '../../../shared/http/routes/exports';
import { csvResult } from '../../../shared/http/csv-result';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { exchangeRates } from '../../../shared/runtime/factories/exchange-rates';
import { facts } from '../../../shared/runtime/factories/facts';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, exchangeRates, facts, settings });

export const handler = apiHandler(route, services, async ({ actor, query }) =>
  csvResult(await exportAging(services(), { actor }, query)),
);

import { recordExchangeRate } from '../../../shared/app/portfolio/exchange-rates';
import { apiHandler } from '../../../shared/http/api-handler';
import { recordExchangeRate as route } from '../../../shared/http/routes/portfolio';
import { exchangeRates } from '../../../shared/runtime/factories/exchange-rates';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ exchangeRates, idempotency: idempotencyStore });

export const handler = apiHandler(route, services, async ({ actor, idempotency, body }) => ({
  body: await recordExchangeRate(services(), { actor, idempotency }, body),
}));

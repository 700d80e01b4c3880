import { recordExchangeRate } from '../../../shared/app/portfolio/exchange-rates';
import { apiHandler } from '../../../shared/http/api-handler';
import { recordExchangeRate as route } from '../../../shared/http/routes/portfolio';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, body }) => ({
  body: await recordExchangeRate(services(), { actor, idempotency }, body),
}));

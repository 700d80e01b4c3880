import { createAlertRule } from '../../../shared/app/alerts/alert-rules';
import { apiHandler } from '../../../shared/http/api-handler';
import { createAlertRule as route } from '../../../shared/http/routes/alerts';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, body }) => ({
  body: await createAlertRule(services(), { actor, idempotency }, body),
}));

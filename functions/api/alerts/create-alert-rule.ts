import { createAlertRule } from '../../../shared/app/alerts/alert-rules';
import { apiHandler } from '../../../shared/http/api-handler';
import { createAlertRule as route } from '../../../shared/http/routes/alerts';
import { alertRules } from '../../../shared/runtime/factories/alert-rules';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ alertRules, idempotency: idempotencyStore });

export const handler = apiHandler(route, services, async ({ actor, idempotency, body }) => ({
  body: await createAlertRule(services(), { actor, idempotency }, body),
}));

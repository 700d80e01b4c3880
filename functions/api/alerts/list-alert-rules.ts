import { listAlertRules } from '../../../shared/app/alerts/alert-rules';
import { apiHandler } from '../../../shared/http/api-handler';
import { listAlertRules as route } from '../../../shared/http/routes/alerts';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor }) => ({
  body: await listAlertRules(services(), { actor }),
}));

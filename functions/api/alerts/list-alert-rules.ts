import { listAlertRules } from '../../../shared/app/alerts/alert-rules';
import { apiHandler } from '../../../shared/http/api-handler';
import { listAlertRules as route } from '../../../shared/http/routes/alerts';
import { alertRules } from '../../../shared/runtime/factories/alert-rules';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ alertRules });

export const handler = apiHandler(route, services, async ({ actor }) => ({
  body: await listAlertRules(services(), { actor }),
}));

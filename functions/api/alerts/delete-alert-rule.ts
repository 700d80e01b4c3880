import { deleteAlertRule } from '../../../shared/app/alerts/alert-rules';
import { apiHandler } from '../../../shared/http/api-handler';
import { deleteAlertRule as route } from '../../../shared/http/routes/alerts';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await deleteAlertRule(services(), { actor }, params.id),
}));

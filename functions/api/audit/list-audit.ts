import { listAudit } from '../../../shared/app/audit/list-audit';
import { apiHandler } from '../../../shared/http/api-handler';
import { listAudit as route } from '../../../shared/http/routes/audit';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, query }) => ({
  body: await listAudit(services(), { actor }, query),
}));

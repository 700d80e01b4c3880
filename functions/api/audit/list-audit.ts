import { listAudit } from '../../../shared/app/audit/list-audit';
import { apiHandler } from '../../../shared/http/api-handler';
import { listAudit as route } from '../../../shared/http/routes/audit';
import { auditLog } from '../../../shared/runtime/factories/audit-log';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ auditLog });

export const handler = apiHandler(route, services, async ({ actor, query }) => ({
  body: await listAudit(services(), { actor }, query),
}));

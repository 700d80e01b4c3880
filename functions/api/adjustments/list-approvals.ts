import { approvalView } from '../../../shared/app/views/ledger-views';
import { apiHandler } from '../../../shared/http/api-handler';
import { listApprovals as route } from '../../../shared/http/routes/adjustments';
import { approvals } from '../../../shared/runtime/factories/approvals';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ approvals });

export const handler = apiHandler(route, services, async ({ actor, query }) => {
  const page = await services().approvals.list(actor.tenantId, query.status, query);
  return { body: { items: page.items.map(approvalView), nextCursor: page.nextCursor } };
});

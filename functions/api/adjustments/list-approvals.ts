import { approvalView } from '../../../shared/app/views/ledger-views';
import { apiHandler } from '../../../shared/http/api-handler';
import { listApprovals as route } from '../../../shared/http/routes/adjustments';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, query }) => {
  const page = await services().approvals.list(actor.tenantId, query.status, query);
  return { body: { items: page.items.map(approvalView), nextCursor: page.nextCursor } };
});

import { decideApproval } from '../../../shared/app/approvals/decide-approval';
import { apiHandler } from '../../../shared/http/api-handler';
import { rejectRequest as route } from '../../../shared/http/routes/adjustments';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params, body }) => ({
  body: (await decideApproval(services(), { actor }, params.id, 'rejected', body.note)).view,
}));

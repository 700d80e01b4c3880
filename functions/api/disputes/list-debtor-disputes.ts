import { findVisibleDebtor } from '../../../shared/app/debtors/find-debtor';
import { disputeView } from '../../../shared/app/views/ledger-views';
import { apiHandler } from '../../../shared/http/api-handler';
import { listDebtorDisputes as route } from '../../../shared/http/routes/disputes';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => {
  const debtor = await findVisibleDebtor(services().debtors, actor, params.id);
  const disputes = await services().ledger.listDisputes(debtor.tenantId, debtor.id);
  return { body: { items: disputes.map(disputeView) } };
});

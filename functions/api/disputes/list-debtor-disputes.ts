import { findVisibleDebtor } from '../../../shared/app/debtors/find-debtor';
import { disputeView } from '../../../shared/app/views/ledger-views';
import { apiHandler } from '../../../shared/http/api-handler';
import { listDebtorDisputes as route } from '../../../shared/http/routes/disputes';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, ledger });

export const handler = apiHandler(route, services, async ({ actor, params }) => {
  const debtor = await findVisibleDebtor(services().debtors, actor, params.id);
  const disputes = await services().ledger.listDisputes(debtor.tenantId, debtor.id);
  return { body: { items: disputes.map(disputeView) } };
});

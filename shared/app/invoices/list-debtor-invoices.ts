import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { invoiceView } from '../views/invoice-view';

export async function listDebtorInvoices(
  services: Pick<Services, 'debtors' | 'invoices'>,
  context: UseCaseContext,
  debtorId: string,
  page: { limit: number; cursor?: string },
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const result = await services.invoices.listByDebtor(debtor.tenantId, debtor.id, page);
  return { items: result.items.map(invoiceView), nextCursor: result.nextCursor };
}

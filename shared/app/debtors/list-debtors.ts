import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { debtorView } from '../views/debtor-view';

export async function listDebtors(
  services: Pick<Services, 'debtors'>,
  context: UseCaseContext,
  query: { limit: number; cursor?: string; search?: string },
) {
  const page = await services.debtors.list(context.actor.tenantId, query);
  return { items: page.items.map((debtor) => debtorView(debtor)), nextCursor: page.nextCursor };
}

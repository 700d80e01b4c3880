import type { PageRequest } from '../../ports/page';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { activityView } from './log-activity';

export async function listActivities(
  services: Pick<Services, 'debtors' | 'contacts'>,
  context: UseCaseContext,
  debtorId: string,
  page: PageRequest,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const result = await services.contacts.listActivities(debtor.tenantId, debtor.id, page);
  return { items: result.items.map(activityView), nextCursor: result.nextCursor };
}

import type { PageRequest } from '../../ports/page';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { creditReportView } from '../views/credit-report-view';

/** A debtor's credit reports, newest first. */
export async function listCreditReports(
  services: Pick<Services, 'debtors' | 'creditReports'>,
  context: UseCaseContext,
  debtorId: string,
  page: PageRequest,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const reports = await services.creditReports.list(debtor.tenantId, debtor.id, page);
  return { items: reports.items.map(creditReportView), nextCursor: reports.nextCursor };
}

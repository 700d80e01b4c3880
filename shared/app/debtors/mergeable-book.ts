import type { MergeableBook } from '../../domain/debtors/merge/merge-plan';
import type { Services } from '../../runtime/services';

/** Since the epoch: the whole contact log. */
const WHOLE_LOG = new Date(0);

/** A debtor's whole book and contact log, as a merge moves them. */
export async function mergeableBook(
  services: Pick<Services, 'ledger' | 'contacts'>,
  tenantId: string,
  debtorId: string,
): Promise<MergeableBook> {
  const [book, log] = await Promise.all([
    services.ledger.book(tenantId, debtorId),
    services.contacts.recent(tenantId, debtorId, WHOLE_LOG),
  ]);
  return { ...book, activities: log.activities };
}

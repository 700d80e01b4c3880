/** Credit reports a tenant bought for its debtors, and the debtor change each one made. */
import type { Debtor } from '../domain/debtors/debtor';
import type { CreditReport } from '../domain/credit/credit-report';
import type { Page, PageRequest } from './page';
import type { WriteContext } from './write-context';

export interface StoredCreditReport extends CreditReport {
  id: string;
  tenantId: string;
  debtorId: string;
  /** Who asked for it (user `sub`, or `system:…` for a scheduled refresh). */
  requestedBy: string;
}

export interface CreditReportStore {
  /**
   * Stores the report and the debtor as the report changed it (its `creditScore` and summary) in one
   * transaction with the audit records. ConflictError when `before.version` is no longer current.
   */
  record(report: StoredCreditReport, before: Debtor, after: Debtor, context: WriteContext): Promise<void>;
  /**
   * Debtors whose credit data was last looked at (their latest report, or a refresh that failed)
   * before `before` (ISO instant), oldest first, at most `limit`.
   */
  debtorsWithReportsBefore(tenantId: string, before: string, limit: number): Promise<string[]>;
  /** A debtor's reports, newest first. */
  list(tenantId: string, debtorId: string, page: PageRequest): Promise<Page<StoredCreditReport>>;
}

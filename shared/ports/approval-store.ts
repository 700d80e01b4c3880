import type { Approval, ApprovalStatus } from '../domain/approvals/approval';
import type { Page, PageRequest } from './page';
import type { WriteContext } from './write-context';

export interface ApprovalStore {
  get(tenantId: string, id: string): Promise<Approval | undefined>;
  /** Oldest request first. */
  list(tenantId: string, status: ApprovalStatus, page: PageRequest): Promise<Page<Approval>>;
  create(approval: Approval, context: WriteContext): Promise<void>;
  /** A rejection: nothing else changes. Approvals commit with their ledger change instead. */
  update(before: Approval, after: Approval, context: WriteContext): Promise<void>;
}

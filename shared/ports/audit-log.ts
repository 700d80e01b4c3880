import type { AuditEntry } from '../domain/audit/audit-entry';
import type { Page, PageRequest } from './page';

export interface AuditLog {
  /** One entity's history, oldest first; without an entity id, the tenant's, newest first. */
  list(tenantId: string, query: PageRequest & { entityId?: string }): Promise<Page<AuditEntry>>;
}

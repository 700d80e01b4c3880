import type { Actor } from '../../domain/actor';
import { auditEntry, type AuditEntry } from '../../domain/audit/audit-entry';
import type { IdGenerator } from '../../ports/id-generator';

export type Audit = (
  entityType: string,
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
) => AuditEntry;

/** Audit records of one change: same actor, same instant, one id each. */
export function auditor(ids: IdGenerator, actor: Actor, at: Date): Audit {
  return (entityType, entityId, action, before, after) =>
    auditEntry(ids.next('aud'), actor, at, { entityType, entityId, action, before, after });
}

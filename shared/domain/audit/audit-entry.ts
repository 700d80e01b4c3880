/** One append-only audit record: who changed what, when, from what to what. */
import type { Actor } from '../actor';

export interface AuditEntry {
  id: string;
  tenantId: string;
  entityType: string;
  entityId: string;
  action: string;
  actor: { sub: string; roles: readonly string[] };
  at: string;
  before: unknown;
  after: unknown;
}

export function auditEntry(
  id: string,
  actor: Actor,
  at: Date,
  change: { entityType: string; entityId: string; action: string; before: unknown; after: unknown },
): AuditEntry {
  return {
    id,
    tenantId: actor.tenantId,
    actor: { sub: actor.sub, roles: [...actor.roles] },
    at: at.toISOString(),
    ...change,
    before: change.before ?? null,
    after: change.after ?? null,
  };
}

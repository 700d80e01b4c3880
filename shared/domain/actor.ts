import type { Role } from './roles';

/** Who acts: taken from the verified token, never from a request body. */
export interface Actor {
  sub: string;
  tenantId: string;
  roles: readonly Role[];
  /** Set for debtor-portal users: the only debtor they may see. */
  debtorId?: string;
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/** Staff see the whole tenant; a portal user sees only their own debtor record. */
export function canSeeDebtor(actor: Actor, debtorId: string): boolean {
  if (hasAnyRole(actor, ['admin', 'manager', 'collector', 'accountant', 'auditor'])) return true;
  return actor.debtorId === debtorId;
}

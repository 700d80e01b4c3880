/** Roles are Cognito groups; they arrive in the verified token's `cognito:groups` claim. */
export const ROLES = ['admin', 'manager', 'collector', 'accountant', 'auditor', 'debtor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Staff roles that may read a tenant's whole book. */
export const READ_ROLES: readonly Role[] = ['admin', 'manager', 'collector', 'accountant', 'auditor'];
/** Roles that may create and change debtors and invoices. */
export const WRITE_ROLES: readonly Role[] = ['admin', 'manager', 'collector', 'accountant'];
/** Roles that may move money outside a payment: reversals, credit notes, write-offs, approvals. */
export const LEDGER_ROLES: readonly Role[] = ['admin', 'manager', 'accountant'];

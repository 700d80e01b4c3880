/** The sign-in identities of debtors' portal access (Cognito users in the debtor group). */
export interface PortalUsers {
  /** Creates the debtor's portal user unless it exists; returns its user name. */
  ensure(tenantId: string, debtorId: string): Promise<string>;
}

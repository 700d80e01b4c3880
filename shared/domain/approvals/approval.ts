/**
 * Four-eyes control: a write-off, credit note or waiver of an interest charge above the tenant's
 * threshold waits for a second person. Nobody approves their own request.
 */
import type { Actor } from '../actor';
import { RuleViolationError } from '../errors';
import type { CurrencyCode } from '../money/currencies';

export type ApprovalKind = 'write_off' | 'credit_note' | 'dispute_credit' | 'charge_waiver';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

export interface Approval {
  id: string;
  tenantId: string;
  kind: ApprovalKind;
  status: ApprovalStatus;
  debtorId: string;
  invoiceId: string;
  disputeId?: string;
  /** A charge waiver: the charge to waive. */
  chargeId?: string;
  currency: CurrencyCode;
  amount: number;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionNote?: string;
  /** The adjustment the approval created. */
  adjustmentId?: string;
  version: number;
}

export function decide(
  approval: Approval,
  actor: Actor,
  outcome: 'approved' | 'rejected',
  now: Date,
  note?: string,
): Approval {
  if (approval.status !== 'pending')
    throw new RuleViolationError(`The request is already ${approval.status}`);
  if (approval.requestedBy === actor.sub)
    throw new RuleViolationError('Nobody approves or rejects their own request');
  return {
    ...approval,
    status: outcome,
    decidedBy: actor.sub,
    decidedAt: now.toISOString(),
    ...(note ? { decisionNote: note } : {}),
    version: approval.version + 1,
  };
}

/**
 * A dispute pauses collection of its invoice until it is resolved: upheld (the creditor concedes
 * with a credit note) or rejected (collection resumes). Time to resolve is kept for reporting.
 */
import type { Actor } from '../actor';
import { RuleViolationError } from '../errors';

export type DisputeStatus = 'open' | 'upheld' | 'rejected';

export interface Dispute {
  id: string;
  tenantId: string;
  debtorId: string;
  invoiceId: string;
  reason: string;
  status: DisputeStatus;
  openedAt: string;
  openedBy: string;
  resolvedAt?: string;
  resolvedBy?: string;
  resolutionNote?: string;
  creditAmount?: number;
  /** Whole hours from opening to resolution. */
  hoursToResolve?: number;
  version: number;
}

export function openDispute(
  id: string,
  target: { tenantId: string; debtorId: string; invoiceId: string },
  reason: string,
  actor: Actor,
  now: Date,
): Dispute {
  return {
    id,
    ...target,
    reason,
    status: 'open',
    openedAt: now.toISOString(),
    openedBy: actor.sub,
    version: 1,
  };
}

export function resolveDispute(
  dispute: Dispute,
  outcome: 'upheld' | 'rejected',
  resolvedBy: string,
  now: Date,
  details: { creditAmount?: number; note?: string } = {},
): Dispute {
  if (dispute.status !== 'open') throw new RuleViolationError(`The dispute is already ${dispute.status}`);
  const hours = Math.floor((now.getTime() - new Date(dispute.openedAt).getTime()) / 3_600_000);
  return {
    ...dispute,
    status: outcome,
    resolvedAt: now.toISOString(),
    resolvedBy,
    hoursToResolve: Math.max(0, hours),
    ...(details.note ? { resolutionNote: details.note } : {}),
    ...(outcome === 'upheld' && details.creditAmount ? { creditAmount: details.creditAmount } : {}),
    version: dispute.version + 1,
  };
}

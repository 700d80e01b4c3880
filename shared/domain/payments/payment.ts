/** A payment received from a debtor, how it was applied, and its reversal if it bounced. */
import type { Actor } from '../actor';
import type { Allocation } from '../ledger/allocation';
import type { CurrencyCode } from '../money/currencies';

export type PaymentStatus = 'applied' | 'reversed';

export interface AppliedAllocation extends Allocation {
  /** When the money was applied: at receipt, or later when unapplied credit met a new invoice. */
  appliedAt: string;
}

export interface AppliedChargeAllocation {
  chargeId: string;
  amount: number;
  appliedAt: string;
}

export interface Payment {
  id: string;
  tenantId: string;
  debtorId: string;
  currency: CurrencyCode;
  amount: number;
  /** When the money was received (instant, UTC). */
  receivedAt: string;
  method?: 'bank_transfer' | 'card' | 'direct_debit' | 'cash' | 'cheque' | 'other';
  reference?: string;
  allocations: AppliedAllocation[];
  /** Applied to interest, compensation or fee charges once the invoices were settled. */
  chargeAllocations?: AppliedChargeAllocation[];
  /** Part of the amount not (yet) applied to an invoice or charge: the debtor's credit. */
  unapplied: number;
  status: PaymentStatus;
  reversedAt?: string;
  reversalReason?: string;
  /** The bulk import that recorded it, if one did. */
  importId?: string;
  version: number;
  createdAt: string;
  createdBy: string;
}

export type PaymentDraft = Pick<
  Payment,
  'debtorId' | 'currency' | 'amount' | 'receivedAt' | 'method' | 'reference'
>;

export function newPayment(
  id: string,
  tenantId: string,
  draft: PaymentDraft,
  allocations: readonly Allocation[],
  unapplied: number,
  actor: Actor,
  now: Date,
  chargeAllocations: readonly { chargeId: string; amount: number }[] = [],
): Payment {
  const at = now.toISOString();
  const applied = [...allocations, ...chargeAllocations].reduce(
    (total, allocation) => total + allocation.amount,
    0,
  );
  if (applied + unapplied !== draft.amount)
    throw new RangeError('Allocations and credit must add up to the payment');
  return {
    ...Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined)),
    debtorId: draft.debtorId,
    currency: draft.currency,
    amount: draft.amount,
    receivedAt: draft.receivedAt,
    id,
    tenantId,
    allocations: allocations.map((allocation) => ({ ...allocation, appliedAt: at })),
    ...(chargeAllocations.length > 0
      ? { chargeAllocations: chargeAllocations.map((allocation) => ({ ...allocation, appliedAt: at })) }
      : {}),
    unapplied,
    status: 'applied',
    version: 1,
    createdAt: at,
    createdBy: actor.sub,
  };
}

/** Net amount a payment applied to each invoice (later credit applications included). */
export function appliedByInvoice(payment: Payment): Map<string, number> {
  const totals = new Map<string, number>();
  for (const allocation of payment.allocations) {
    totals.set(allocation.invoiceId, (totals.get(allocation.invoiceId) ?? 0) + allocation.amount);
  }
  return totals;
}

/**
 * When an allocation took effect: an allocation made as the payment was recorded counts from
 * the day the money was received; credit applied to an invoice later counts from then.
 */
export function allocationEffectiveAt(payment: Payment, allocation: AppliedAllocation): string {
  return allocation.appliedAt === payment.createdAt ? payment.receivedAt : allocation.appliedAt;
}

/** What payments that were not reversed paid toward charges. */
export function chargePayments(payments: readonly Payment[]): { chargeId: string; amount: number }[] {
  return payments
    .filter((payment) => payment.status === 'applied')
    .flatMap((payment) =>
      (payment.chargeAllocations ?? []).map(({ chargeId, amount }) => ({ chargeId, amount })),
    );
}

/**
 * The dated reductions of one invoice's principal, for late-interest accrual: payment allocations
 * and adjustments (credit notes, write-offs), each on the debtor-local calendar date it took effect.
 *
 * - A payment allocated when it was recorded (`appliedAt` = the payment's `createdAt`) reduces the
 *   principal from the day the money was received: `receivedAt` is the economic date, whenever the
 *   payment was keyed in.
 * - Credit applied later (unapplied credit meeting the invoice afterwards) dates from `appliedAt`.
 * - A reversed payment never reduced the principal: all its allocations are ignored.
 * - Credit notes and write-offs date from their `createdAt`.
 */
import type { Adjustment } from '../../domain/adjustments/adjustment';
import type { PrincipalReduction } from '../../domain/interest/late-interest';
import { allocationEffectiveAt, type Payment } from '../../domain/payments/payment';
import { localDate } from '../../domain/time/calendar-date';

export function principalReductions(
  invoiceId: string,
  payments: readonly Payment[],
  adjustments: readonly Adjustment[],
  timeZone: string,
): PrincipalReduction[] {
  const reductions: PrincipalReduction[] = [];
  for (const payment of payments) {
    if (payment.status !== 'applied') continue;
    for (const allocation of payment.allocations) {
      if (allocation.invoiceId !== invoiceId || allocation.amount <= 0) continue;
      const effective = allocationEffectiveAt(payment, allocation);
      reductions.push({ date: localDate(new Date(effective), timeZone), amount: allocation.amount });
    }
  }
  for (const adjustment of adjustments) {
    if (adjustment.invoiceId !== invoiceId || adjustment.amount <= 0) continue;
    reductions.push({ date: localDate(new Date(adjustment.createdAt), timeZone), amount: adjustment.amount });
  }
  return reductions.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The movements of stored money records as the metrics see them (ledger-facts.ts): a payment's
 * allocations on the day each took effect, and their reversal on the day it bounced; a credit note
 * or write-off on the day it was made. One definition for the on-demand facts and the day
 * aggregates, so the two cannot date a movement differently.
 */
import type { Adjustment } from '../adjustments/adjustment';
import { allocationEffectiveAt, type Payment } from '../payments/payment';
import type { CalendarDate } from '../time/calendar-date';
import type { MovementFact } from './ledger-facts';

/** The tenant's calendar: the date an instant falls on. */
export type DayOf = (instant: string) => CalendarDate;

export function paymentMovements(payment: Payment, day: DayOf): MovementFact[] {
  return payment.allocations.flatMap((allocation): MovementFact[] => {
    const date = day(allocationEffectiveAt(payment, allocation));
    const allocated: MovementFact = {
      kind: 'allocation',
      invoiceId: allocation.invoiceId,
      amount: allocation.amount,
      date,
      paymentId: payment.id,
    };
    if (payment.status !== 'reversed' || !payment.reversedAt) return [allocated];
    return [
      allocated,
      {
        kind: 'reversal',
        invoiceId: allocation.invoiceId,
        amount: allocation.amount,
        date: day(payment.reversedAt),
        allocatedOn: date,
        paymentId: payment.id,
      },
    ];
  });
}

export function adjustmentMovement(adjustment: Adjustment, day: DayOf): MovementFact {
  return {
    kind: adjustment.kind,
    invoiceId: adjustment.invoiceId,
    amount: adjustment.amount,
    date: day(adjustment.createdAt),
  };
}

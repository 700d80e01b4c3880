/** Turns stored money records into the dated ledger facts the metrics are computed from. */
import type { LedgerFacts, MovementFact, PromiseFact } from '../../domain/metrics/ledger-facts';
import { localDate } from '../../domain/time/calendar-date';
import type { TenantLedgerRecords } from '../../ports/ledger-facts-reader';
import type { Payment } from '../../domain/payments/payment';
import { adjustmentMovement, paymentMovements } from '../../domain/metrics/money-movements';
import { evaluatePromise } from '../../domain/promises/promise';
import { settle, type PromiseToPay } from '../../domain/promises/promise-to-pay';
import { receivedPayments } from '../promises/promise-evaluation';

/**
 * With `now`, a promise still stored as pending is decided from the payments known now, so a
 * promise nobody paid counts as broken once its deadline has passed.
 */
export function ledgerFactsFrom(records: TenantLedgerRecords, timeZone: string, now?: Date): LedgerFacts {
  const day = (instant: string) => localDate(new Date(instant), timeZone);
  // While a merge moves a debtor's records chunk by chunk, a payment or a dispute may still be with
  // one debtor and its invoice already with the other: each book counts what concerns its own
  // invoices (the invoice carries what was paid on it either way).
  const invoiceIds = new Set(records.invoices.map((invoice) => invoice.id));
  const movements: MovementFact[] = [
    ...records.payments.flatMap((payment) => paymentMovements(payment, day)),
    ...records.adjustments.map((adjustment) => adjustmentMovement(adjustment, day)),
  ].filter((movement) => invoiceIds.has(movement.invoiceId));
  const promises: PromiseFact[] = records.promises
    .filter((promise) => promise.status !== 'cancelled')
    .map((stored) =>
      now && stored.status === 'pending' ? decideNow(stored, records.payments, now, timeZone) : stored,
    )
    .map((promise) => ({
      id: promise.id,
      currency: promise.currency,
      amount: promise.amount,
      dueDate: promise.dueDate,
      graceDays: promise.graceDays,
      status: promise.status as PromiseFact['status'],
      ...(promise.resolvedAt ? { resolvedOn: day(promise.resolvedAt) } : {}),
    }));
  return {
    invoices: records.invoices.map(({ id, currency, amount, issueDate, dueDate }) => ({
      id,
      currency,
      amount,
      issueDate,
      dueDate,
    })),
    movements,
    promises,
    disputes: records.disputes
      .filter((dispute) => invoiceIds.has(dispute.invoiceId))
      .map((dispute) => ({
        id: dispute.id,
        invoiceId: dispute.invoiceId,
        openedAt: day(dispute.openedAt),
        ...(dispute.resolvedAt ? { resolvedAt: day(dispute.resolvedAt) } : {}),
      })),
  };
}

function decideNow(
  promise: PromiseToPay,
  payments: readonly Payment[],
  now: Date,
  tenantZone: string,
): PromiseToPay {
  const own = payments.filter((payment) => payment.debtorId === promise.debtorId);
  const evaluation = evaluatePromise(promise, receivedPayments(own), now, promise.timezone ?? tenantZone);
  return settle(promise, evaluation);
}

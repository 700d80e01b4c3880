import type { Payment } from '../../domain/payments/payment';
import { evaluatePromise, type ReceivedPayment } from '../../domain/promises/promise';
import { settle, type PromiseToPay } from '../../domain/promises/promise-to-pay';
import type { Change } from '../../ports/ledger-store';

/** Money that counts toward promises: payments that were not reversed. */
export function receivedPayments(payments: readonly Payment[]): ReceivedPayment[] {
  return payments
    .filter((payment) => payment.status === 'applied')
    .map((payment) => ({
      currency: payment.currency,
      amount: payment.amount,
      receivedAt: payment.receivedAt,
    }));
}

/** The pending promises that the payments known at `now` decide (kept, or broken past their deadline). */
export function decidedPromises(
  promises: readonly PromiseToPay[],
  payments: readonly ReceivedPayment[],
  now: Date,
  timeZone: string,
): Change<PromiseToPay>[] {
  return promises
    .filter((promise) => promise.status === 'pending')
    .map((promise) => ({
      before: promise,
      after: settle(promise, evaluatePromise(promise, payments, now, timeZone)),
    }))
    .filter(({ before, after }) => before !== after);
}

/**
 * A payment bounced: promises it helped keep are decided again from the payments that remain,
 * back to pending, or broken if their deadline has passed.
 */
export function promisesReopenedBy(
  reversed: Payment,
  promises: readonly PromiseToPay[],
  remaining: readonly Payment[],
  now: Date,
  timeZone: string,
): Change<PromiseToPay>[] {
  const received = receivedPayments(remaining.filter((payment) => payment.id !== reversed.id));
  return promises
    .filter(
      (promise) =>
        promise.status === 'kept' &&
        promise.currency === reversed.currency &&
        reversed.receivedAt >= promise.createdAt &&
        (promise.resolvedAt ?? '') >= reversed.receivedAt,
    )
    .map((before) => {
      const { resolvedAt: _resolvedAt, amountPaid: _amountPaid, shortfall: _shortfall, ...open } = before;
      const pending: PromiseToPay = { ...open, status: 'pending' };
      const evaluation = evaluatePromise(pending, received, now, timeZone);
      if (evaluation.status === 'kept') return { before, after: before };
      const after =
        evaluation.status === 'pending'
          ? { ...pending, version: before.version + 1 }
          : settle(pending, evaluation);
      return { before, after };
    })
    .filter(({ before, after }) => before !== after);
}

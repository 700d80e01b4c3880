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

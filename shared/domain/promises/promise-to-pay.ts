/** A debtor's promise to pay as Recoup keeps it: the promise, who took it, and how it ended. */
import type { CurrencyCode } from '../money/currencies';
import type { CalendarDate } from '../time/calendar-date';
import type { Cancellation } from '../plans/payment-plan';
import type { PaymentPromise, PromiseEvaluation, PromiseStatus } from './promise';

export interface PromiseToPay extends PaymentPromise {
  readonly tenantId: string;
  readonly debtorId: string;
  readonly currency: CurrencyCode;
  readonly dueDate: CalendarDate;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly status: PromiseStatus;
  readonly note?: string;
  /** The debtor's time zone when the promise was made: its deadline is local to it. */
  readonly timezone?: string;
  /** Set when the promise was decided (kept, broken) or superseded (cancelled). */
  readonly resolvedAt?: string;
  readonly amountPaid?: number;
  readonly shortfall?: number;
  /** Broken with some money paid. */
  readonly partial?: boolean;
  /** Who withdrew a pending promise, and why (status `cancelled`; absent when a newer one superseded it). */
  readonly cancellation?: Cancellation;
  readonly version: number;
}

/** The stored promise after an evaluation that decided it; unchanged while still pending. */
export function settle(promise: PromiseToPay, evaluation: PromiseEvaluation): PromiseToPay {
  if (promise.status !== 'pending' || evaluation.status === 'pending') return promise;
  const resolvedAt = (evaluation.status === 'kept' ? evaluation.keptAt : evaluation.brokenAt).toISOString();
  return {
    ...promise,
    status: evaluation.status,
    resolvedAt,
    amountPaid: evaluation.amountPaid,
    ...(evaluation.status === 'broken'
      ? { shortfall: evaluation.shortfall, partial: evaluation.partial }
      : {}),
    version: promise.version + 1,
  };
}

export function cancel(promise: PromiseToPay, now: Date): PromiseToPay {
  return { ...promise, status: 'cancelled', resolvedAt: now.toISOString(), version: promise.version + 1 };
}

/**
 * Promises to pay (domain rules §5). A promise of `amount` by `dueDate` with `graceDays` is KEPT as
 * soon as payments received from its creation up to the end of its last day (due date + grace days,
 * in the debtor's local calendar) reach its amount; otherwise it is BROKEN at the end of that day,
 * i.e. at the start of the next local day (DST-aware), with what was paid recorded.
 *
 * `evaluatePromise` recomputes from the payments alone, so it is safe to run again; a reversed
 * payment can turn a kept promise back. Freezing a final status is the caller's decision.
 */
import { isCurrencyCode, type CurrencyCode } from '../money/currencies';
import type { FieldIssue } from '../errors';
import {
  addDays,
  isCalendarDate,
  isValidTimeZone,
  startOfLocalDay,
  type CalendarDate,
} from '../time/calendar-date';
import { toDate, type Instant } from './instant';

export type PromiseStatus = 'pending' | 'kept' | 'broken' | 'cancelled';

export interface PaymentPromise {
  readonly id: string;
  readonly currency: CurrencyCode;
  /** Minor units, > 0. */
  readonly amount: number;
  readonly dueDate: CalendarDate;
  readonly graceDays: number;
  readonly createdAt: Instant;
  /** As last stored; evaluation does not read it. */
  readonly status: PromiseStatus;
}

export interface ReceivedPayment {
  readonly currency: CurrencyCode;
  readonly amount: number;
  readonly receivedAt: Instant;
}

interface EvaluationBase {
  readonly currency: CurrencyCode;
  readonly amount: number;
  /** Paid towards the promise: its currency, received from creation until the deadline and by `now`. */
  readonly amountPaid: number;
  /** End of the promise's last local day (exclusive): the instant it breaks if not covered. */
  readonly deadline: Date;
}

export type PromiseEvaluation =
  | (EvaluationBase & { readonly status: 'pending'; readonly remaining: number; readonly reevaluateAt: Date })
  | (EvaluationBase & { readonly status: 'kept'; readonly keptAt: Date })
  | (EvaluationBase & {
      readonly status: 'broken';
      readonly brokenAt: Date;
      readonly shortfall: number;
      /** Something, but not enough, was paid. */
      readonly partial: boolean;
    });

/** The promise's last local day: due date + grace days (the day whose end decides it). */
export function promiseLastDay(promise: Pick<PaymentPromise, 'dueDate' | 'graceDays'>): CalendarDate {
  return addDays(promise.dueDate, promise.graceDays);
}

/**
 * The instant the promise breaks unless covered: the start of the local day after due date + grace
 * in the debtor's time zone. A scheduler waits until then to re-evaluate a pending promise.
 */
export function promiseDeadline(
  promise: Pick<PaymentPromise, 'dueDate' | 'graceDays'>,
  timeZone: string,
): Date {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return startOfLocalDay(addDays(promiseLastDay(promise), 1), timeZone);
}

/** Problems with a promise's own figures, as field → reason (empty when acceptable). */
export function promiseProblems(
  promise: Pick<PaymentPromise, 'currency' | 'amount' | 'dueDate' | 'graceDays'>,
  today?: CalendarDate,
): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (!isCurrencyCode(promise.currency))
    problems.push({ path: 'currency', message: 'must be an ISO 4217 code' });
  if (!Number.isSafeInteger(promise.amount) || promise.amount <= 0) {
    problems.push({ path: 'amount', message: 'must be a positive integer of minor units' });
  }
  if (!isCalendarDate(promise.dueDate))
    problems.push({ path: 'dueDate', message: 'must be a calendar date' });
  else if (today !== undefined && promise.dueDate < today)
    problems.push({ path: 'dueDate', message: 'must not be in the past' });
  if (!Number.isInteger(promise.graceDays) || promise.graceDays < 0) {
    problems.push({ path: 'graceDays', message: 'must be a non-negative integer' });
  }
  return problems;
}

/** Decides a promise from the payments known at `now`, in the debtor's time zone. */
export function evaluatePromise(
  promise: PaymentPromise,
  payments: readonly ReceivedPayment[],
  now: Instant,
  timeZone: string,
): PromiseEvaluation {
  const problems = promiseProblems(promise);
  if (problems.length > 0) throw new RangeError(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const at = toDate(now).getTime();
  const createdAt = toDate(promise.createdAt).getTime();
  const deadline = promiseDeadline(promise, timeZone);
  const counted = payments
    .map((payment) => ({
      amount: payment.amount,
      at: toDate(payment.receivedAt).getTime(),
      currency: payment.currency,
    }))
    .filter((payment) => {
      if (!Number.isSafeInteger(payment.amount) || payment.amount < 0) {
        throw new RangeError(`A payment must be a non-negative integer of minor units: ${payment.amount}`);
      }
      return (
        payment.currency === promise.currency &&
        payment.at >= createdAt &&
        payment.at < deadline.getTime() &&
        payment.at <= at
      );
    })
    .sort((a, b) => a.at - b.at);

  let amountPaid = 0;
  let keptAt: number | undefined;
  for (const payment of counted) {
    amountPaid += payment.amount;
    if (keptAt === undefined && amountPaid >= promise.amount) keptAt = payment.at;
  }
  const base = { currency: promise.currency, amount: promise.amount, amountPaid, deadline };
  if (keptAt !== undefined) return { ...base, status: 'kept', keptAt: new Date(keptAt) };
  if (at >= deadline.getTime()) {
    return {
      ...base,
      status: 'broken',
      brokenAt: deadline,
      shortfall: promise.amount - amountPaid,
      partial: amountPaid > 0,
    };
  }
  return { ...base, status: 'pending', remaining: promise.amount - amountPaid, reevaluateAt: deadline };
}

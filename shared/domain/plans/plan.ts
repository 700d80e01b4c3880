/**
 * Payment plans (domain rules §5). The total is split into installments as money.split does (the
 * first installments carry the extra minor units: 100.00 / 3 → 33.34, 33.33, 33.33). Monthly due
 * dates keep the FIRST due date's day of month, clamped to each month's end, each computed from the
 * first date (Jan 31 → Feb 28 → Mar 31, not Feb 28 → Mar 28); weekly ones are 7 days apart.
 *
 * Payments applied to the plan fill installments in order. An installment not covered by the end
 * of its due date + grace days (debtor's local day, DST-aware) breaks the plan; a broken plan stays
 * broken even if paid later (its invoices return to normal collection).
 */
import { ValidationError, type FieldIssue } from '../errors';
import { CurrencyMismatchError, split, type Money } from '../money/money';
import { isCurrencyCode, type CurrencyCode } from '../money/currencies';
import {
  addDays,
  addMonthsClamped,
  isCalendarDate,
  isValidTimeZone,
  startOfLocalDay,
  type CalendarDate,
} from '../time/calendar-date';
import { toDate, type Instant } from '../promises/instant';

export type PlanFrequency = 'weekly' | 'monthly';

export const PLAN_FREQUENCIES: readonly PlanFrequency[] = ['weekly', 'monthly'];

/** Upper bound on installments: ten years of weekly payments. */
export const MAX_INSTALLMENTS = 520;

export interface Installment {
  /** 1-based position in the plan. */
  readonly sequence: number;
  readonly dueDate: CalendarDate;
  readonly currency: CurrencyCode;
  /** Minor units. */
  readonly amount: number;
}

export interface PlanPayment {
  readonly amount: number;
  readonly receivedAt: Instant;
  /** When given, must be the plan's currency. */
  readonly currency?: CurrencyCode;
}

export type InstallmentStatus = 'paid' | 'partially_paid' | 'pending' | 'missed';

export interface InstallmentState extends Installment {
  readonly status: InstallmentStatus;
  readonly paid: number;
  readonly remaining: number;
  /** End of due date + grace days, local time (exclusive): uncovered by then, the plan breaks. */
  readonly deadline: Date;
  /** When cumulative payments first covered this installment. */
  readonly coveredAt?: Date;
  /** Covered, but only at or after its deadline. */
  readonly late: boolean;
}

export type PlanStatus = 'active' | 'completed' | 'broken';

export interface PlanEvaluation {
  readonly status: PlanStatus;
  readonly currency: CurrencyCode;
  readonly total: number;
  /** Applied to installments (never more than the total). */
  readonly paid: number;
  readonly remaining: number;
  /** Paid beyond the total: for the caller to treat as unapplied credit. */
  readonly unapplied: number;
  readonly installments: readonly InstallmentState[];
  /** Broken: the first missed deadline and its installment. */
  readonly brokenAt?: Date;
  readonly brokenSequence?: number;
  readonly completedAt?: Date;
  /** Active: the earliest deadline of an installment not yet covered; otherwise null. */
  readonly reevaluateAt: Date | null;
}

export function scheduleProblems(
  total: Money,
  installments: number,
  frequency: PlanFrequency,
  firstDueDate: CalendarDate,
): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (!isCurrencyCode(total.currency))
    problems.push({ path: 'currency', message: 'must be an ISO 4217 code' });
  if (!Number.isSafeInteger(total.amount) || total.amount <= 0) {
    problems.push({ path: 'total', message: 'must be a positive integer of minor units' });
  }
  if (!Number.isInteger(installments) || installments < 1 || installments > MAX_INSTALLMENTS) {
    problems.push({ path: 'installments', message: `must be an integer from 1 to ${MAX_INSTALLMENTS}` });
  } else if (Number.isSafeInteger(total.amount) && total.amount < installments) {
    problems.push({ path: 'installments', message: 'must not exceed the total in minor units' });
  }
  if (!PLAN_FREQUENCIES.includes(frequency))
    problems.push({ path: 'frequency', message: 'must be weekly or monthly' });
  if (!isCalendarDate(firstDueDate))
    problems.push({ path: 'firstDueDate', message: 'must be a calendar date' });
  return problems;
}

/** The installments of a plan; throws a ValidationError on bad input (see `scheduleProblems`). */
export function schedule(
  total: Money,
  installments: number,
  frequency: PlanFrequency,
  firstDueDate: CalendarDate,
): Installment[] {
  const problems = scheduleProblems(total, installments, frequency, firstDueDate);
  if (problems.length > 0) throw new ValidationError(problems);
  return split(total, installments).map((part, index) => ({
    sequence: index + 1,
    dueDate:
      frequency === 'monthly' ? addMonthsClamped(firstDueDate, index) : addDays(firstDueDate, 7 * index),
    currency: part.currency,
    amount: part.amount,
  }));
}

/** End of an installment's last local day (due date + grace): the instant it is missed if unpaid. */
export function installmentDeadline(dueDate: CalendarDate, graceDays: number, timeZone: string): Date {
  return startOfLocalDay(addDays(dueDate, graceDays + 1), timeZone);
}

/** Status of a plan at `now` from the payments applied to it, in the debtor's time zone. */
export function evaluatePlan(
  plan: { readonly currency: CurrencyCode; readonly installments: readonly Installment[] },
  payments: readonly PlanPayment[],
  now: Instant,
  timeZone: string,
  graceDays: number,
): PlanEvaluation {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  if (!Number.isInteger(graceDays) || graceDays < 0)
    throw new RangeError(`graceDays must be a non-negative integer`);
  if (plan.installments.length === 0) throw new RangeError('A plan has at least one installment');
  const at = toDate(now).getTime();
  const received = payments
    .map((payment) => {
      if (payment.currency !== undefined && payment.currency !== plan.currency) {
        throw new CurrencyMismatchError(plan.currency, payment.currency);
      }
      if (!Number.isSafeInteger(payment.amount) || payment.amount < 0) {
        throw new RangeError(`A payment must be a non-negative integer of minor units: ${payment.amount}`);
      }
      return { amount: payment.amount, at: toDate(payment.receivedAt).getTime() };
    })
    .filter((payment) => payment.at <= at)
    .sort((a, b) => a.at - b.at);
  const totalReceived = received.reduce((sum, payment) => sum + payment.amount, 0);

  // Installment k is covered when cumulative payments reach the cumulative amount due through k.
  let cumulativeDue = 0;
  let allocated = 0;
  let paymentIndex = 0;
  let cumulativePaid = 0;
  const installments = [...plan.installments]
    .sort((a, b) => a.sequence - b.sequence)
    .map((installment): InstallmentState => {
      if (installment.currency !== plan.currency)
        throw new CurrencyMismatchError(plan.currency, installment.currency);
      if (!Number.isSafeInteger(installment.amount) || installment.amount <= 0) {
        throw new RangeError(`Installment ${installment.sequence} must be a positive integer of minor units`);
      }
      cumulativeDue += installment.amount;
      while (cumulativePaid < cumulativeDue && paymentIndex < received.length) {
        cumulativePaid += received[paymentIndex]?.amount ?? 0;
        paymentIndex += 1;
      }
      // Amounts are positive, so a covered installment was covered by the last payment consumed.
      const coveringPayment = cumulativePaid >= cumulativeDue ? received[paymentIndex - 1] : undefined;
      const coveredAt = coveringPayment ? new Date(coveringPayment.at) : undefined;
      const paid = Math.min(installment.amount, Math.max(0, totalReceived - allocated));
      allocated += paid;
      const deadline = installmentDeadline(installment.dueDate, graceDays, timeZone);
      const late = coveredAt !== undefined && coveredAt.getTime() >= deadline.getTime();
      const status: InstallmentStatus =
        coveredAt !== undefined
          ? 'paid'
          : at >= deadline.getTime()
            ? 'missed'
            : paid > 0
              ? 'partially_paid'
              : 'pending';
      return {
        ...installment,
        status,
        paid,
        remaining: installment.amount - paid,
        deadline,
        ...(coveredAt ? { coveredAt } : {}),
        late,
      };
    });

  const total = cumulativeDue;
  const base = {
    currency: plan.currency,
    total,
    paid: allocated,
    remaining: total - allocated,
    unapplied: Math.max(0, totalReceived - total),
    installments,
  };
  const earliest = (states: InstallmentState[]) =>
    states.reduce<InstallmentState | undefined>(
      (first, state) => (first === undefined || state.deadline < first.deadline ? state : first),
      undefined,
    );
  const breaking = earliest(
    installments.filter((installment) => installment.status === 'missed' || installment.late),
  );
  if (breaking) {
    return {
      ...base,
      status: 'broken',
      brokenAt: breaking.deadline,
      brokenSequence: breaking.sequence,
      reevaluateAt: null,
    };
  }
  const open = earliest(installments.filter((installment) => installment.status !== 'paid'));
  if (!open) {
    const completedAt = installments.reduce<Date | undefined>(
      (last, state) => (state.coveredAt && (!last || state.coveredAt > last) ? state.coveredAt : last),
      undefined,
    );
    return { ...base, status: 'completed', ...(completedAt ? { completedAt } : {}), reevaluateAt: null };
  }
  return { ...base, status: 'active', reevaluateAt: open.deadline };
}

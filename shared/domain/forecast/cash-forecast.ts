/**
 * The 13-week cash forecast of one currency: when the open receivables are expected to come in,
 * week by week (ISO weeks, Monday first, the first being the week of `asOf`).
 *
 * - An active payment plan's unpaid installments come in on their due dates (the plan replaces the
 *   invoices it covers).
 * - A pending promise comes in on its due date, up to what the debtor owes outside plans; the
 *   rest of the debtor's invoices follow the rule below.
 * - Any other open invoice comes in on its due date shifted by the debtor's own habit: the
 *   amount-weighted average days between due date and payment of its past payments (the tenant's
 *   average for a debtor without history, 0 for a tenant without any), never before `asOf`.
 * - Disputed invoices, and invoices more than 90 days past due at `asOf`, are not expected
 *   (reported apart as `doubtful`); what falls after the 13th week is `later`.
 * Amounts stay integers of minor units; each item lands whole in one week.
 */
import type { CurrencyCode } from '../money/currencies';
import { addDays, daysBetween, type CalendarDate } from '../time/calendar-date';
import { dateToDayNumber, isoWeekday } from '../time/zoned-time';

export const FORECAST_WEEKS = 13;
export const DOUBTFUL_AFTER_DAYS = 90;

export interface ForecastInvoice {
  id: string;
  debtorId: string;
  outstanding: number;
  dueDate: CalendarDate;
  disputed: boolean;
  planId?: string;
}

export interface ForecastPromise {
  debtorId: string;
  /** Still to come: the promised amount less what was paid toward it. */
  amount: number;
  /** The last day it may be paid (due date + grace). */
  lastDay: CalendarDate;
}

export interface ForecastInstallment {
  debtorId: string;
  remaining: number;
  dueDate: CalendarDate;
}

/** A past payment of an invoice: how late (negative: early) and how much. */
export interface PaidHistory {
  debtorId: string;
  amount: number;
  daysAfterDue: number;
}

export interface ForecastInput {
  currency: CurrencyCode;
  asOf: CalendarDate;
  invoices: readonly ForecastInvoice[];
  promises: readonly ForecastPromise[];
  installments: readonly ForecastInstallment[];
  history: readonly PaidHistory[];
}

export interface ForecastWeek {
  /** Monday. */
  from: CalendarDate;
  /** Sunday. */
  to: CalendarDate;
  expected: number;
  fromPromises: number;
  fromPlans: number;
  fromInvoices: number;
}

export interface CashForecast {
  currency: CurrencyCode;
  asOf: CalendarDate;
  weeks: ForecastWeek[];
  later: number;
  doubtful: number;
}

export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(dateToDayNumber(date)));
}

export function cashForecast(input: ForecastInput): CashForecast {
  const firstMonday = mondayOf(input.asOf);
  const weeks: ForecastWeek[] = Array.from({ length: FORECAST_WEEKS }, (_, index) => ({
    from: addDays(firstMonday, 7 * index),
    to: addDays(firstMonday, 7 * index + 6),
    expected: 0,
    fromPromises: 0,
    fromPlans: 0,
    fromInvoices: 0,
  }));
  let later = 0;
  let doubtful = 0;
  const land = (
    date: CalendarDate,
    amount: number,
    source: 'fromPromises' | 'fromPlans' | 'fromInvoices',
  ) => {
    if (amount <= 0) return;
    const on = date < input.asOf ? input.asOf : date;
    const index = Math.floor(daysBetween(firstMonday, on) / 7);
    const week = weeks[index];
    if (!week) {
      later += amount;
      return;
    }
    week.expected += amount;
    week[source] += amount;
  };

  const lateness = latenessByDebtor(input.history);
  for (const installment of input.installments) land(installment.dueDate, installment.remaining, 'fromPlans');

  const owedOutsidePlans = new Map<string, number>();
  for (const invoice of input.invoices) {
    if (invoice.planId || invoice.outstanding <= 0) continue;
    if (invoice.disputed || daysBetween(invoice.dueDate, input.asOf) > DOUBTFUL_AFTER_DAYS) {
      doubtful += invoice.outstanding;
      continue;
    }
    owedOutsidePlans.set(
      invoice.debtorId,
      (owedOutsidePlans.get(invoice.debtorId) ?? 0) + invoice.outstanding,
    );
  }
  // What a promise covers is taken from the debtor's invoices, oldest due first.
  const promised = new Map<string, number>();
  for (const promise of input.promises) {
    const owed = (owedOutsidePlans.get(promise.debtorId) ?? 0) - (promised.get(promise.debtorId) ?? 0);
    const amount = Math.min(promise.amount, Math.max(0, owed));
    promised.set(promise.debtorId, (promised.get(promise.debtorId) ?? 0) + amount);
    land(promise.lastDay, amount, 'fromPromises');
  }
  const sorted = [...input.invoices].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id),
  );
  for (const invoice of sorted) {
    if (invoice.planId || invoice.outstanding <= 0 || invoice.disputed) continue;
    if (daysBetween(invoice.dueDate, input.asOf) > DOUBTFUL_AFTER_DAYS) continue;
    const covered = Math.min(invoice.outstanding, promised.get(invoice.debtorId) ?? 0);
    promised.set(invoice.debtorId, (promised.get(invoice.debtorId) ?? 0) - covered);
    const shift = lateness.get(invoice.debtorId) ?? lateness.get('') ?? 0;
    land(addDays(invoice.dueDate, shift), invoice.outstanding - covered, 'fromInvoices');
  }
  return { currency: input.currency, asOf: input.asOf, weeks, later, doubtful };
}

/** Amount-weighted average days after due, per debtor and (under '') for the whole tenant; whole days. */
function latenessByDebtor(history: readonly PaidHistory[]): Map<string, number> {
  const sums = new Map<string, { amount: number; weighted: number }>();
  for (const paid of history) {
    for (const key of [paid.debtorId, '']) {
      const sum = sums.get(key) ?? { amount: 0, weighted: 0 };
      sum.amount += paid.amount;
      sum.weighted += paid.amount * paid.daysAfterDue;
      sums.set(key, sum);
    }
  }
  return new Map(
    [...sums].map(([key, sum]) => [key, sum.amount > 0 ? Math.round(sum.weighted / sum.amount) : 0]),
  );
}

/** How far a week's forecast was from what came in: (actual − expected) / expected, as a percentage. */
export function forecastError(expected: number, actual: number): number | null {
  if (expected === 0) return null;
  return Math.round(((actual - expected) / expected) * 10_000) / 100;
}

/**
 * Accounts-receivable metrics for a period [from, to] (calendar dates, both inclusive) in ONE
 * currency, from ledger facts (domain rules §4). Facts of other currencies are ignored; use
 * `arMetricsByCurrency` for one report per currency.
 *
 * Definitions (§4):
 * - D = days in the period; S = credit sales = amounts of invoices issued in the period;
 *   AR_begin = outstanding at the end of the day before `from`; AR_end = outstanding at the end of
 *   `to`; Current_end = the part of AR_end not past due at `to` (due date ≥ `to`).
 * - DSO = AR_end / S × D; best possible DSO = Current_end / S × D; average days delinquent
 *   ADD = DSO − BPDSO, taken from the two rounded figures so the identity holds as displayed.
 * - CEI = (AR_begin + S − AR_end) / (AR_begin + S − Current_end) × 100.
 * - Countback DSO: AR_end is matched against each calendar month's sales going back from `to`.
 *   The month holding `to` counts from its first day to `to` (its sales and days up to `to`, even
 *   when the period starts later in the month); every earlier month counts whole. Each month fully
 *   absorbed adds its days; the last one adds remainder / its sales × its days.
 * - Bad-debt ratio = write-offs dated in the period / S (a ratio, not a percentage).
 * - Promise-kept rate = kept / (kept + broken) among promises whose due date + grace days falls in
 *   the period (a ratio); promises still pending are counted apart and left out.
 * - Average days to pay = amount-weighted days from issue date to allocation date, over the
 *   allocations dated in the period, net of the reversals dated up to `to` (bounced money did not
 *   pay); an allocation before the issue date counts as 0 days.
 * - Disputes opened and resolved in the period; average days to resolve over those resolved.
 *
 * Shape: every figure is `number | null`, rounded once half-up to 2 decimals; each `null` has its
 * reason under the same name in `notes` (never NaN or Infinity). Amounts (`inputs`, `aging`) are
 * integers of minor units of `currency`. Everything is as the ledger stood at the end of `to`.
 */
import { ValidationError, type FieldIssue } from '../errors';
import type { Aging } from '../ledger/aging';
import type { CurrencyCode } from '../money/currencies';
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  isCalendarDate,
  type CalendarDate,
} from '../time/calendar-date';
import { fromHundredths, hundredths, ratio, type Figure } from './figure';
import { assertLedgerFacts, factsForCurrency, groupFactsByCurrency, type LedgerFacts } from './ledger-facts';
import { agingAt, currentAt, outstandingAt, settledAllocations } from './receivables';

export interface MetricsPeriod {
  from: CalendarDate;
  to: CalendarDate;
}

export interface ArMetricInputs {
  /** D: days in the period. */
  days: number;
  /** AR_begin, minor units. */
  arBegin: number;
  /** S: credit sales, minor units. */
  creditSales: number;
  /** AR_end, minor units. */
  arEnd: number;
  /** Current_end, minor units. */
  currentEnd: number;
  /** Allocations dated in the period (gross), minor units. */
  collections: number;
  /** Reversals (bounced payments) dated in the period, minor units. */
  reversals: number;
  creditNotes: number;
  writeOffs: number;
}

export type ArMetricName =
  | 'dso'
  | 'bestPossibleDso'
  | 'averageDaysDelinquent'
  | 'cei'
  | 'countbackDso'
  | 'badDebtRatio'
  | 'promiseKeptRate'
  | 'averageDaysToPay'
  | 'averageDaysToResolve';

export interface ArMetrics {
  currency: CurrencyCode;
  period: MetricsPeriod;
  inputs: ArMetricInputs;
  dso: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  cei: number | null;
  countbackDso: number | null;
  badDebtRatio: number | null;
  promiseKeptRate: number | null;
  averageDaysToPay: number | null;
  /** Outstanding at the end of `to` per aging bucket, minor units. */
  aging: Aging;
  promises: { kept: number; broken: number; pending: number };
  disputes: { opened: number; resolved: number; averageDaysToResolve: number | null };
  /** Why a figure is null, under the figure's name. */
  notes: Partial<Record<ArMetricName, string>>;
}

export const REASONS = {
  noSales: 'no credit sales in the period (S = 0)',
  nothingCollectible: 'nothing was collectible in the period (AR_begin + S − Current_end = 0)',
  salesHistoryShort: 'AR_end exceeds the credit sales on record up to the end of the period',
  noPromisesDue: 'no promise reached its due date + grace in the period',
  promisesPending: 'the promises due in the period are not resolved yet',
  noPayments: 'no payment was allocated in the period',
  noDisputesResolved: 'no dispute was resolved in the period',
} as const;

/** Problems with a requested period, as field → reason (empty when valid). */
export function periodProblems(period: MetricsPeriod): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const dateMessage = 'must be a calendar date (YYYY-MM-DD)';
  if (!isCalendarDate(period.from)) issues.push({ path: 'from', message: dateMessage });
  if (!isCalendarDate(period.to)) issues.push({ path: 'to', message: dateMessage });
  if (issues.length === 0 && period.to < period.from) {
    issues.push({ path: 'to', message: 'must not be before from' });
  }
  return issues;
}

/** The metrics of one currency for the period; throws ValidationError on a bad period, RangeError on bad facts. */
export function computeArMetrics(
  facts: LedgerFacts,
  currency: CurrencyCode,
  period: MetricsPeriod,
): ArMetrics {
  const issues = periodProblems(period);
  if (issues.length > 0) throw new ValidationError(issues);
  assertLedgerFacts(facts);
  const scoped = factsForCurrency(facts, currency);
  const { from, to } = period;
  const inPeriod = (date: CalendarDate): boolean => date >= from && date <= to;

  const days = daysBetween(from, to) + 1;
  const creditSales = sumOf(
    scoped.invoices.filter((invoice) => inPeriod(invoice.issueDate)).map((i) => i.amount),
  );
  const arBegin = outstandingAt(scoped, currency, addDays(from, -1));
  const arEnd = outstandingAt(scoped, currency, to);
  const currentEnd = currentAt(scoped, currency, to);
  const movedInPeriod = (kind: string): number =>
    sumOf(scoped.movements.filter((m) => m.kind === kind && inPeriod(m.date)).map((m) => m.amount));
  const inputs: ArMetricInputs = {
    days,
    arBegin,
    creditSales,
    arEnd,
    currentEnd,
    collections: movedInPeriod('allocation'),
    reversals: movedInPeriod('reversal'),
    creditNotes: movedInPeriod('credit_note'),
    writeOffs: movedInPeriod('write_off'),
  };

  const notes: ArMetrics['notes'] = {};
  const note = (name: ArMetricName, figure: Figure): number | null => {
    if (figure.value === null) notes[name] = figure.reason;
    return figure.value;
  };

  const S = BigInt(creditSales);
  const D = BigInt(days);
  const dso = note('dso', ratio(BigInt(arEnd) * D, S, REASONS.noSales));
  const bestPossibleDso = note('bestPossibleDso', ratio(BigInt(currentEnd) * D, S, REASONS.noSales));
  const averageDaysDelinquent =
    creditSales === 0
      ? note('averageDaysDelinquent', { value: null, reason: REASONS.noSales })
      : fromHundredths(hundredths(BigInt(arEnd) * D, S) - hundredths(BigInt(currentEnd) * D, S));
  const collectible = BigInt(arBegin) + S - BigInt(currentEnd);
  const cei = note(
    'cei',
    ratio((BigInt(arBegin) + S - BigInt(arEnd)) * 100n, collectible, REASONS.nothingCollectible),
  );
  const countback = note('countbackDso', countbackDso(scoped, currency, to));
  const badDebtRatio = note('badDebtRatio', ratio(inputs.writeOffs, S, REASONS.noSales));

  const promises = promiseOutcomes(scoped, period);
  const promiseKeptRate = note(
    'promiseKeptRate',
    ratio(
      promises.kept,
      promises.kept + promises.broken,
      promises.pending > 0 ? REASONS.promisesPending : REASONS.noPromisesDue,
    ),
  );
  const averageDaysToPay = note('averageDaysToPay', daysToPay(scoped, currency, period));
  const disputes = disputeFigures(scoped, period);
  const averageDaysToResolve = note('averageDaysToResolve', disputes.averageDaysToResolve);

  return {
    currency,
    period: { from, to },
    inputs,
    dso,
    bestPossibleDso,
    averageDaysDelinquent,
    cei,
    countbackDso: countback,
    badDebtRatio,
    promiseKeptRate,
    averageDaysToPay,
    aging: agingAt(scoped, currency, to),
    promises,
    disputes: { opened: disputes.opened, resolved: disputes.resolved, averageDaysToResolve },
    notes,
  };
}

/** One report per currency present in the facts, sorted by currency code. */
export function arMetricsByCurrency(facts: LedgerFacts, period: MetricsPeriod): ArMetrics[] {
  return groupFactsByCurrency(facts).map(({ currency, facts: scoped }) =>
    computeArMetrics(scoped, currency, period),
  );
}

/** Countback DSO at the end of `to` (see the module comment). */
export function countbackDso(facts: LedgerFacts, currency: CurrencyCode, to: CalendarDate): Figure {
  const scoped = factsForCurrency(facts, currency);
  let remaining = outstandingAt(scoped, currency, to);
  if (remaining === 0) return { value: 0 };
  const salesByMonth = new Map<string, number>();
  for (const invoice of scoped.invoices) {
    if (invoice.issueDate > to) continue;
    const month = invoice.issueDate.slice(0, 7);
    salesByMonth.set(month, (salesByMonth.get(month) ?? 0) + invoice.amount);
  }
  const earliest = [...salesByMonth.keys()].sort()[0];
  let fullDays = 0n;
  let monthStart: CalendarDate = `${to.slice(0, 7)}-01`;
  let sliceEnd: CalendarDate = to;
  while (earliest !== undefined && monthStart.slice(0, 7) >= earliest) {
    const sales = salesByMonth.get(monthStart.slice(0, 7)) ?? 0;
    const days = BigInt(daysBetween(monthStart, sliceEnd) + 1);
    if (remaining <= sales) {
      const s = BigInt(sales);
      return { value: fromHundredths(hundredths(fullDays * s + BigInt(remaining) * days, s)) };
    }
    remaining -= sales;
    fullDays += days;
    sliceEnd = addDays(monthStart, -1);
    monthStart = addMonthsClamped(monthStart, -1);
  }
  return { value: null, reason: REASONS.salesHistoryShort };
}

function promiseOutcomes(facts: LedgerFacts, period: MetricsPeriod): ArMetrics['promises'] {
  const outcomes = { kept: 0, broken: 0, pending: 0 };
  for (const promise of facts.promises ?? []) {
    const ends = addDays(promise.dueDate, promise.graceDays);
    if (ends < period.from || ends > period.to) continue;
    outcomes[promise.status] += 1;
  }
  return outcomes;
}

function daysToPay(facts: LedgerFacts, currency: CurrencyCode, period: MetricsPeriod): Figure {
  let weighted = 0n;
  let paid = 0n;
  for (const { invoice, date, amount } of settledAllocations(facts, currency, period.from, period.to)) {
    weighted += BigInt(amount) * BigInt(Math.max(0, daysBetween(invoice.issueDate, date)));
    paid += BigInt(amount);
  }
  return ratio(weighted, paid, REASONS.noPayments);
}

function disputeFigures(
  facts: LedgerFacts,
  period: MetricsPeriod,
): { opened: number; resolved: number; averageDaysToResolve: Figure } {
  const inPeriod = (date: CalendarDate | undefined): date is CalendarDate =>
    date !== undefined && date >= period.from && date <= period.to;
  const disputes = facts.disputes ?? [];
  const resolved = disputes.filter((dispute) => inPeriod(dispute.resolvedAt));
  const totalDays = sumOf(
    resolved.map((dispute) => daysBetween(dispute.openedAt, dispute.resolvedAt as CalendarDate)),
  );
  return {
    opened: disputes.filter((dispute) => inPeriod(dispute.openedAt)).length,
    resolved: resolved.length,
    averageDaysToResolve: ratio(totalDays, resolved.length, REASONS.noDisputesResolved),
  };
}

function sumOf(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}

/**
 * The one place AR figures are made (domain rules §4): the `ArMetrics` shape, the reasons for nulls,
 * period validation, and the figures from the totals of a period with their one rounding, whatever
 * the totals were summed from. `computeArMetrics` (ar-metrics.ts) sums them from ledger facts, the
 * rollup (rollup-metrics.ts) from day aggregates; sharing this keeps the two equal by construction.
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

/** Throws ValidationError when the period has problems (see `periodProblems`). */
export function assertPeriod(period: MetricsPeriod): void {
  const issues = periodProblems(period);
  if (issues.length > 0) throw new ValidationError(issues);
}

export interface PeriodTotals {
  currency: CurrencyCode;
  period: MetricsPeriod;
  inputs: ArMetricInputs;
  /** Outstanding at the end of `to` per aging bucket. */
  aging: Aging;
  countbackDso: Figure;
  /** Allocations dated in the period net of the reversals dated up to `to` that undo them. */
  settled: { amount: bigint; weightedDays: bigint };
  promises: ArMetrics['promises'];
  disputes: { opened: number; resolved: number; daysToResolve: number };
}

/** The metrics of a period from its totals: every figure, rounded once, each null with its reason. */
export function arMetricsFromTotals(totals: PeriodTotals): ArMetrics {
  const { inputs, promises, disputes } = totals;
  const notes: ArMetrics['notes'] = {};
  const note = (name: ArMetricName, figure: Figure): number | null => {
    if (figure.value === null) notes[name] = figure.reason;
    return figure.value;
  };

  const S = BigInt(inputs.creditSales);
  const D = BigInt(inputs.days);
  const arBegin = BigInt(inputs.arBegin);
  const arEnd = BigInt(inputs.arEnd);
  const currentEnd = BigInt(inputs.currentEnd);
  const dso = note('dso', ratio(arEnd * D, S, REASONS.noSales));
  const bestPossibleDso = note('bestPossibleDso', ratio(currentEnd * D, S, REASONS.noSales));
  // From the two rounded figures, so ADD = DSO − BPDSO holds as displayed.
  const averageDaysDelinquent =
    S === 0n
      ? note('averageDaysDelinquent', { value: null, reason: REASONS.noSales })
      : fromHundredths(hundredths(arEnd * D, S) - hundredths(currentEnd * D, S));
  const cei = note(
    'cei',
    ratio((arBegin + S - arEnd) * 100n, arBegin + S - currentEnd, REASONS.nothingCollectible),
  );
  const countbackDso = note('countbackDso', totals.countbackDso);
  const badDebtRatio = note('badDebtRatio', ratio(inputs.writeOffs, S, REASONS.noSales));
  const promiseKeptRate = note(
    'promiseKeptRate',
    ratio(
      promises.kept,
      promises.kept + promises.broken,
      promises.pending > 0 ? REASONS.promisesPending : REASONS.noPromisesDue,
    ),
  );
  const averageDaysToPay = note(
    'averageDaysToPay',
    ratio(totals.settled.weightedDays, totals.settled.amount, REASONS.noPayments),
  );
  const averageDaysToResolve = note(
    'averageDaysToResolve',
    ratio(disputes.daysToResolve, disputes.resolved, REASONS.noDisputesResolved),
  );

  return {
    currency: totals.currency,
    period: { from: totals.period.from, to: totals.period.to },
    inputs,
    dso,
    bestPossibleDso,
    averageDaysDelinquent,
    cei,
    countbackDso,
    badDebtRatio,
    promiseKeptRate,
    averageDaysToPay,
    aging: totals.aging,
    promises,
    disputes: { opened: disputes.opened, resolved: disputes.resolved, averageDaysToResolve },
    notes,
  };
}

/**
 * Countback DSO at the end of `to` (defined in ar-metrics.ts) from AR_end and the credit sales per
 * month ('YYYY-MM') of the invoices issued up to `to`.
 */
export function countbackFromSales(
  outstanding: number,
  salesByMonth: ReadonlyMap<string, number>,
  to: CalendarDate,
): Figure {
  let remaining = outstanding;
  if (remaining === 0) return { value: 0 };
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

/**
 * ArMetrics from the totals of a period (domain rules §4): the figures, their one rounding and the
 * reasons for nulls, whatever the totals were summed from. The rollup (rollup-metrics.ts) sums them
 * from day aggregates; `computeArMetrics` computes the same from facts, inline for now, and a
 * property test holds the two equal.
 */
import type { Aging } from '../ledger/aging';
import type { CurrencyCode } from '../money/currencies';
import { addDays, addMonthsClamped, daysBetween, type CalendarDate } from '../time/calendar-date';
import {
  REASONS,
  type ArMetricInputs,
  type ArMetricName,
  type ArMetrics,
  type MetricsPeriod,
} from './ar-metrics';
import { fromHundredths, hundredths, ratio, type Figure } from './figure';

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
 * Countback DSO at the end of `to` from AR_end and the credit sales per month ('YYYY-MM') of the
 * invoices issued up to `to` (the loop of ar-metrics' `countbackDso`, minus the facts).
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

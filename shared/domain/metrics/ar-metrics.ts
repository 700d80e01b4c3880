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
import type { CurrencyCode } from '../money/currencies';
import { addDays, daysBetween, type CalendarDate } from '../time/calendar-date';
import {
  arMetricsFromTotals,
  assertPeriod,
  countbackFromSales,
  type ArMetrics,
  type MetricsPeriod,
  type PeriodTotals,
} from './ar-figures';
import type { Figure } from './figure';
import { assertLedgerFacts, factsForCurrency, groupFactsByCurrency, type LedgerFacts } from './ledger-facts';
import { agingAt, currentAt, outstandingAt, settledAllocations } from './receivables';

// The shape, reasons and period checks live with the figures; callers know them from here.
export {
  periodProblems,
  REASONS,
  type ArMetricInputs,
  type ArMetricName,
  type ArMetrics,
  type MetricsPeriod,
} from './ar-figures';

/** The metrics of one currency for the period; throws ValidationError on a bad period, RangeError on bad facts. */
export function computeArMetrics(
  facts: LedgerFacts,
  currency: CurrencyCode,
  period: MetricsPeriod,
): ArMetrics {
  assertPeriod(period);
  assertLedgerFacts(facts);
  const scoped = factsForCurrency(facts, currency);
  const { from, to } = period;
  const inPeriod = (date: CalendarDate): boolean => date >= from && date <= to;

  const movedInPeriod = (kind: string): number =>
    sumOf(scoped.movements.filter((m) => m.kind === kind && inPeriod(m.date)).map((m) => m.amount));
  return arMetricsFromTotals({
    currency,
    period,
    inputs: {
      days: daysBetween(from, to) + 1,
      arBegin: outstandingAt(scoped, currency, addDays(from, -1)),
      creditSales: sumOf(
        scoped.invoices.filter((invoice) => inPeriod(invoice.issueDate)).map((i) => i.amount),
      ),
      arEnd: outstandingAt(scoped, currency, to),
      currentEnd: currentAt(scoped, currency, to),
      collections: movedInPeriod('allocation'),
      reversals: movedInPeriod('reversal'),
      creditNotes: movedInPeriod('credit_note'),
      writeOffs: movedInPeriod('write_off'),
    },
    aging: agingAt(scoped, currency, to),
    countbackDso: countbackDso(scoped, currency, to),
    settled: settled(scoped, currency, period),
    promises: promiseOutcomes(scoped, period),
    disputes: disputeTotals(scoped, period),
  });
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
  const salesByMonth = new Map<string, number>();
  for (const invoice of scoped.invoices) {
    if (invoice.issueDate > to) continue;
    const month = invoice.issueDate.slice(0, 7);
    salesByMonth.set(month, (salesByMonth.get(month) ?? 0) + invoice.amount);
  }
  return countbackFromSales(outstandingAt(scoped, currency, to), salesByMonth, to);
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

function settled(facts: LedgerFacts, currency: CurrencyCode, period: MetricsPeriod): PeriodTotals['settled'] {
  const totals = { amount: 0n, weightedDays: 0n };
  for (const { invoice, date, amount } of settledAllocations(facts, currency, period.from, period.to)) {
    totals.weightedDays += BigInt(amount) * BigInt(Math.max(0, daysBetween(invoice.issueDate, date)));
    totals.amount += BigInt(amount);
  }
  return totals;
}

function disputeTotals(facts: LedgerFacts, period: MetricsPeriod): PeriodTotals['disputes'] {
  const inPeriod = (date: CalendarDate | undefined): date is CalendarDate =>
    date !== undefined && date >= period.from && date <= period.to;
  const disputes = facts.disputes ?? [];
  const resolved = disputes.filter((dispute) => inPeriod(dispute.resolvedAt));
  return {
    opened: disputes.filter((dispute) => inPeriod(dispute.openedAt)).length,
    resolved: resolved.length,
    daysToResolve: sumOf(
      resolved.map((dispute) => daysBetween(dispute.openedAt, dispute.resolvedAt as CalendarDate)),
    ),
  };
}

function sumOf(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}

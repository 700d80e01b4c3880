/**
 * AR metrics from day aggregates alone (receivable-day.ts), never from invoices: one forward pass
 * over a currency's days up to `to` replays the outstanding by due date (AR, Current, aging) and
 * sums the period's counters. The result equals `computeArMetrics` on the facts the aggregates were
 * built from, for a consistent ledger (see receivable-day.ts). Cost: O(counters up to `to` +
 * distinct due dates), whatever the number of invoices.
 */
import { agingBucket, emptyAging, type Aging } from '../ledger/aging';
import type { CurrencyCode } from '../money/currencies';
import { addDays, daysBetween, type CalendarDate } from '../time/calendar-date';
import {
  arMetricsFromTotals,
  assertPeriod,
  countbackFromSales,
  type ArMetrics,
  type MetricsPeriod,
} from './ar-figures';
import { COUNTER, DATED_COUNTER, type ReceivableDay } from './receivable-day';

export interface DailyPosition {
  date: CalendarDate;
  /** Outstanding at the end of the day, minor units. */
  arEnd: number;
  /** The part of it not past due (due date ≥ date). */
  currentEnd: number;
  aging: Aging;
  /** Flows dated that day, minor units. */
  sales: number;
  collections: number;
  reversals: number;
  creditNotes: number;
  writeOffs: number;
}

/**
 * The metrics of one currency for the period from its whole history of day aggregates (other
 * currencies are ignored); throws ValidationError on a bad period, like `computeArMetrics`.
 */
export function metricsFromDays(
  days: readonly ReceivableDay[],
  currency: CurrencyCode,
  period: MetricsPeriod,
): ArMetrics {
  assertPeriod(period);
  const { from, to } = period;
  const balances = new DueBalances();
  const tally = new PeriodTally(from, to);
  let arBegin = 0;
  for (const day of historyOf(days, currency)) {
    if (day.date > to) break;
    tally.add(day, balances);
    if (day.date < from) arBegin = balances.total;
  }

  const aging = balances.agingAt(to);
  const collections = tally.sum(COUNTER.collections);
  const kept = tally.count(COUNTER.promisesKept);
  const broken = tally.count(COUNTER.promisesBroken);
  return arMetricsFromTotals({
    currency,
    period,
    inputs: {
      days: daysBetween(from, to) + 1,
      arBegin,
      creditSales: tally.count(COUNTER.sales),
      arEnd: balances.total,
      currentEnd: aging.current,
      collections: Number(collections),
      reversals: tally.count(COUNTER.reversals),
      creditNotes: tally.count(COUNTER.creditNotes),
      writeOffs: tally.count(COUNTER.writeOffs),
    },
    aging,
    countbackDso: countbackFromSales(balances.total, tally.salesByMonth, to),
    settled: {
      amount: collections - tally.sum(DATED_COUNTER.reversed),
      weightedDays: tally.sum(COUNTER.paidDays) - tally.sum(DATED_COUNTER.reversedDays),
    },
    promises: { kept, broken, pending: tally.count(COUNTER.promisesDue) - kept - broken },
    disputes: {
      opened: tally.count(COUNTER.disputesOpened),
      resolved: tally.count(COUNTER.disputesResolved),
      daysToResolve: tally.count(COUNTER.disputeDays),
    },
  });
}

/**
 * The position at the end of every day of [from, to] (the series a rollup stores), in one forward
 * pass; throws ValidationError on a bad range.
 */
export function dailyPositions(
  days: readonly ReceivableDay[],
  currency: CurrencyCode,
  from: CalendarDate,
  to: CalendarDate,
): DailyPosition[] {
  assertPeriod({ from, to });
  const history = historyOf(days, currency);
  const balances = new DueBalances();
  let next = 0;
  const positions: DailyPosition[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const flows: Flows = { sales: 0, collections: 0, reversals: 0, creditNotes: 0, writeOffs: 0 };
    for (let day = history[next]; day !== undefined && day.date <= date; day = history[++next]) {
      balances.apply(day);
      // Days before the range only move the balances.
      if (day.date === date) addFlows(flows, day.counters);
    }
    const aging = balances.agingAt(date);
    positions.push({ date, arEnd: balances.total, currentEnd: aging.current, aging, ...flows });
  }
  return positions;
}

type Flows = Pick<DailyPosition, 'sales' | 'collections' | 'reversals' | 'creditNotes' | 'writeOffs'>;

function addFlows(flows: Flows, counters: ReceivableDay['counters']): void {
  flows.sales += counters[COUNTER.sales] ?? 0;
  flows.collections += counters[COUNTER.collections] ?? 0;
  flows.reversals += counters[COUNTER.reversals] ?? 0;
  flows.creditNotes += counters[COUNTER.creditNotes] ?? 0;
  flows.writeOffs += counters[COUNTER.writeOffs] ?? 0;
}

/** The currency's days in date order (a store may hand them over in any order, even split). */
function historyOf(days: readonly ReceivableDay[], currency: CurrencyCode): ReceivableDay[] {
  return days
    .filter((day) => day.currency === currency)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const DUE_PREFIX = `${DATED_COUNTER.due}:`;
/** Any fixed day: due dates are kept as day numbers from it so aging needs no date parsing. */
const EPOCH: CalendarDate = '1970-01-01';

/** Outstanding by due date, replayed from the `due:` net deltas. */
class DueBalances {
  total = 0;
  /** By counter name rather than due date: its hash is cached, a sliced date's would not be. */
  private readonly byCounter = new Map<string, { dayNumber: number; outstanding: number }>();

  apply(day: ReceivableDay): void {
    for (const [name, delta] of Object.entries(day.counters)) this.take(name, delta);
  }

  /** Applies the counter if it is a `due:` delta; says whether it was. */
  take(name: string, delta: number): boolean {
    if (!name.startsWith(DUE_PREFIX)) return false;
    const entry = this.byCounter.get(name);
    // A due date paid off stays (at 0): it may owe again, and its day number costs a date parse.
    if (entry === undefined) {
      const dueDate = name.slice(DUE_PREFIX.length);
      this.byCounter.set(name, { dayNumber: daysBetween(EPOCH, dueDate), outstanding: delta });
    } else {
      entry.outstanding += delta;
    }
    this.total += delta;
    return true;
  }

  /** Aging at the end of `date` (§3: days past due = date − due date); current is Current_end. */
  agingAt(date: CalendarDate): Aging {
    const aging = emptyAging();
    const today = daysBetween(EPOCH, date);
    for (const { dayNumber, outstanding } of this.byCounter.values()) {
      aging[agingBucket(today - dayNumber)] += outstanding;
    }
    return aging;
  }
}

/** The period's sums of the counters a metric needs, from the days up to `to`. */
class PeriodTally {
  /** Credit sales per month ('YYYY-MM') of everything issued up to `to`, for countback DSO. */
  readonly salesByMonth = new Map<string, number>();
  private readonly sums = new Map<string, bigint>();

  constructor(
    private readonly from: CalendarDate,
    private readonly to: CalendarDate,
  ) {}

  /** Adds the day's counters, handing its `due:` deltas to the balances (one pass over the day). */
  add(day: ReceivableDay, balances: DueBalances): void {
    const inPeriod = day.date >= this.from && day.date <= this.to;
    // Object.entries: a day's counters are a large dictionary, slow to read key by key.
    for (const [name, value] of Object.entries(day.counters)) {
      if (balances.take(name, value)) continue;
      const colon = name.indexOf(':');
      if (colon < 0) {
        if (name === COUNTER.sales) {
          const month = day.date.slice(0, 7);
          this.salesByMonth.set(month, (this.salesByMonth.get(month) ?? 0) + value);
        }
        if (inPeriod) this.addTo(name, value);
        continue;
      }
      // `reversed:<allocatedOn>` (dated up to `to`) nets the allocations of the period it names.
      const date = name.slice(colon + 1);
      if (date >= this.from && date <= this.to) this.addTo(name.slice(0, colon), value);
    }
  }

  /** Bigint: amount × days sums may outgrow a number over a long period. */
  sum(name: string): bigint {
    return this.sums.get(name) ?? 0n;
  }

  count(name: string): number {
    return Number(this.sum(name));
  }

  private addTo(name: string, value: number): void {
    this.sums.set(name, this.sum(name) + BigInt(value));
  }
}

/**
 * Day aggregates of the receivables: every ledger change adds integer counters to the aggregate of
 * its currency and tenant-calendar day, so the AR metrics of any period (rollup-metrics.ts) come
 * from at most one aggregate per day instead of from every invoice. Counters only ever ADD, so a
 * store applies a change with atomic `ADD counter :n` updates, in any order, however late (but each
 * event exactly once: ADD is not idempotent).
 *
 * Counters (safe integers, minor units of the currency unless a count; a zero counter is omitted):
 * - `sales`: amounts of the invoices issued that day (credit sales).
 * - `collections`, `reversals`, `credit_notes`, `write_offs`: gross amounts of the movements of that
 *   kind dated that day.
 * - `due:<dueDate>`: NET change that day of the outstanding of the invoices due on <dueDate>:
 *   + an invoice's amount on its issue date; − allocations, credit notes, write-offs and + reversals
 *   on their date, except that a movement dated before its invoice's issue date takes effect on the
 *   issue date (an invoice does not count before it is issued, as in `balancesAt`). The ONLY
 *   counter that can be negative. Summed up to a day, it gives the outstanding by due date, hence
 *   AR, Current and aging at the end of that day.
 * - `paid_days`: Σ amount × days from the invoice's issue date to the allocation (0 when paid
 *   before it was issued) over the allocations dated that day: the numerator of days to pay.
 * - `reversed:<allocatedOn>`: reversals dated that day, by the date of the allocation they undo, and
 *   `reversed_days:<allocatedOn>`: those amounts × the days that allocation weighed in `paid_days`.
 *   They take bounced money out of the days to pay of the period holding <allocatedOn>.
 * - `promises_due`: promises whose deadline (due date + grace days, as ar-metrics counts them) is
 *   that day; `promises_kept` / `promises_broken`: those of them resolved so. Due − kept − broken
 *   are still pending.
 * - `disputes_opened` on the day a dispute opened; `disputes_resolved` and `dispute_days` (days it
 *   was open) on the day it was resolved.
 *
 * The sums equal the per-invoice figures of receivables.ts as long as the ledger is consistent: no
 * invoice's outstanding below zero at any date, and the reversals naming an invoice and
 * `allocatedOn` undo no more than was allocated to it that day. The floors at zero receivables.ts
 * applies per invoice would only bite otherwise, and cannot be seen in sums.
 */
import type { CurrencyCode } from '../money/currencies';
import { addDays, daysBetween, type CalendarDate } from '../time/calendar-date';
import {
  assertLedgerFacts,
  signedEffect,
  type DisputeFact,
  type InvoiceFact,
  type LedgerFacts,
  type MovementFact,
  type PromiseFact,
} from './ledger-facts';

export type ResolvedPromise = PromiseFact & { status: 'kept' | 'broken' };
export type ResolvedDispute = DisputeFact & { resolvedAt: CalendarDate };

export type ReceivableEvent =
  | { kind: 'invoice_issued'; invoice: InvoiceFact }
  | { kind: 'movement'; movement: MovementFact; invoice: InvoiceFact }
  /** A promise was made: it falls due on its deadline, pending until resolved. */
  | { kind: 'promise_made'; promise: PromiseFact }
  | { kind: 'promise_resolved'; promise: ResolvedPromise }
  | { kind: 'dispute_opened'; dispute: DisputeFact; invoice: InvoiceFact }
  | { kind: 'dispute_resolved'; dispute: ResolvedDispute; invoice: InvoiceFact };

export interface ReceivableDay {
  currency: CurrencyCode;
  date: CalendarDate;
  /** Sparse: counter name → non-zero safe integer (see the module comment). */
  counters: Record<string, number>;
}

/** Counters that are plain sums of the day. */
export const COUNTER = {
  sales: 'sales',
  collections: 'collections',
  reversals: 'reversals',
  creditNotes: 'credit_notes',
  writeOffs: 'write_offs',
  paidDays: 'paid_days',
  promisesDue: 'promises_due',
  promisesKept: 'promises_kept',
  promisesBroken: 'promises_broken',
  disputesOpened: 'disputes_opened',
  disputesResolved: 'disputes_resolved',
  disputeDays: 'dispute_days',
} as const;

/** Counter families keyed by a date: `<family>:<YYYY-MM-DD>`. */
export const DATED_COUNTER = {
  due: 'due',
  reversed: 'reversed',
  reversedDays: 'reversed_days',
} as const;

const MOVEMENT_COUNTER = {
  allocation: COUNTER.collections,
  reversal: COUNTER.reversals,
  credit_note: COUNTER.creditNotes,
  write_off: COUNTER.writeOffs,
} as const;

function datedCounter(family: string, date: CalendarDate): string {
  return `${family}:${date}`;
}

/** The deltas the events add, merged per (currency, date) and sorted by currency, then date. */
export function receivableDeltas(events: readonly ReceivableEvent[]): ReceivableDay[] {
  const table = new DayTable();
  for (const event of events) addEvent(table, event);
  return table.days();
}

/** Sums day aggregates per (currency, date); the result is sorted and has no zero counter. */
export function mergeReceivableDays(...lists: readonly ReceivableDay[][]): ReceivableDay[] {
  const table = new DayTable();
  for (const day of lists.flat()) {
    for (const [name, value] of Object.entries(day.counters)) table.add(day.currency, day.date, name, value);
  }
  return table.days();
}

/**
 * The events that build the day aggregates of the facts: every invoice, movement, promise (made,
 * and resolved when kept or broken) and dispute (opened, and resolved when it was). Throws a
 * RangeError on facts `assertLedgerFacts` refuses.
 */
export function receivableEventsFromFacts(facts: LedgerFacts): ReceivableEvent[] {
  assertLedgerFacts(facts);
  const invoices = new Map(facts.invoices.map((invoice) => [invoice.id, invoice]));
  // assertLedgerFacts has checked that every movement and dispute names a known invoice.
  const invoiceOf = (id: string): InvoiceFact => invoices.get(id) as InvoiceFact;
  const events: ReceivableEvent[] = facts.invoices.map((invoice) => ({ kind: 'invoice_issued', invoice }));
  for (const movement of facts.movements) {
    events.push({ kind: 'movement', movement, invoice: invoiceOf(movement.invoiceId) });
  }
  for (const promise of facts.promises ?? []) {
    events.push({ kind: 'promise_made', promise });
    if (isResolvedPromise(promise)) events.push({ kind: 'promise_resolved', promise });
  }
  for (const dispute of facts.disputes ?? []) {
    const invoice = invoiceOf(dispute.invoiceId);
    events.push({ kind: 'dispute_opened', dispute, invoice });
    if (isResolvedDispute(dispute)) events.push({ kind: 'dispute_resolved', dispute, invoice });
  }
  return events;
}

function addEvent(table: DayTable, event: ReceivableEvent): void {
  switch (event.kind) {
    case 'invoice_issued': {
      const { currency, issueDate, dueDate, amount } = event.invoice;
      table.add(currency, issueDate, COUNTER.sales, amount);
      table.add(currency, issueDate, datedCounter(DATED_COUNTER.due, dueDate), amount);
      return;
    }
    case 'movement':
      return addMovement(table, event.movement, event.invoice);
    case 'promise_made':
      return table.add(event.promise.currency, deadline(event.promise), COUNTER.promisesDue, 1);
    case 'promise_resolved': {
      const { promise } = event;
      const counter = promise.status === 'kept' ? COUNTER.promisesKept : COUNTER.promisesBroken;
      return table.add(promise.currency, deadline(promise), counter, 1);
    }
    case 'dispute_opened':
      assertSameInvoice(event.dispute.invoiceId, event.invoice, `Dispute ${event.dispute.id}`);
      return table.add(event.invoice.currency, event.dispute.openedAt, COUNTER.disputesOpened, 1);
    case 'dispute_resolved': {
      const { dispute, invoice } = event;
      assertSameInvoice(dispute.invoiceId, invoice, `Dispute ${dispute.id}`);
      table.add(invoice.currency, dispute.resolvedAt, COUNTER.disputesResolved, 1);
      table.add(
        invoice.currency,
        dispute.resolvedAt,
        COUNTER.disputeDays,
        daysBetween(dispute.openedAt, dispute.resolvedAt),
      );
      return;
    }
  }
}

function addMovement(table: DayTable, movement: MovementFact, invoice: InvoiceFact): void {
  assertSameInvoice(movement.invoiceId, invoice, `A ${movement.kind}`);
  const { currency } = invoice;
  table.add(currency, movement.date, MOVEMENT_COUNTER[movement.kind], movement.amount);
  // Before its issue date the invoice is not receivable at all; what was applied earlier shows then.
  const effective = movement.date < invoice.issueDate ? invoice.issueDate : movement.date;
  table.add(currency, effective, datedCounter(DATED_COUNTER.due, invoice.dueDate), signedEffect(movement));
  if (movement.kind === 'allocation') {
    table.add(currency, movement.date, COUNTER.paidDays, weighted(movement.amount, invoice, movement.date));
  } else if (movement.kind === 'reversal') {
    const { allocatedOn, amount } = movement;
    table.add(currency, movement.date, datedCounter(DATED_COUNTER.reversed, allocatedOn), amount);
    table.add(
      currency,
      movement.date,
      datedCounter(DATED_COUNTER.reversedDays, allocatedOn),
      weighted(amount, invoice, allocatedOn),
    );
  }
}

/** Amount × days from issue to payment; a payment before the issue date counts as 0 days. */
function weighted(amount: number, invoice: InvoiceFact, paidOn: CalendarDate): number {
  return amount * Math.max(0, daysBetween(invoice.issueDate, paidOn));
}

/** The day a promise is judged on (ar-metrics: due date + grace days). */
function deadline(promise: PromiseFact): CalendarDate {
  return addDays(promise.dueDate, promise.graceDays);
}

function isResolvedPromise(promise: PromiseFact): promise is ResolvedPromise {
  return promise.status !== 'pending';
}

function isResolvedDispute(dispute: DisputeFact): dispute is ResolvedDispute {
  return dispute.resolvedAt !== undefined;
}

function assertSameInvoice(invoiceId: string, invoice: InvoiceFact, what: string): void {
  if (invoiceId !== invoice.id)
    throw new RangeError(`${what} on invoice ${invoiceId} came with ${invoice.id}`);
}

interface DayCounters {
  currency: CurrencyCode;
  date: CalendarDate;
  counters: Map<string, number>;
}

/** Counters per (currency, date), kept in maps until listed so any counter name is safe to use. */
class DayTable {
  private readonly byDay = new Map<string, DayCounters>();

  add(currency: CurrencyCode, date: CalendarDate, counter: string, amount: number): void {
    const key = `${currency} ${date}`;
    let day = this.byDay.get(key);
    if (day === undefined) {
      day = { currency, date, counters: new Map() };
      this.byDay.set(key, day);
    }
    const sum = (day.counters.get(counter) ?? 0) + amount;
    // Also refuses fractional amounts: a counter must stay exact in a number and in the store.
    if (!Number.isSafeInteger(sum)) {
      throw new RangeError(`Counter ${counter} of ${currency} ${date} is not a safe integer: ${sum}`);
    }
    day.counters.set(counter, sum);
  }

  days(): ReceivableDay[] {
    const days: ReceivableDay[] = [];
    for (const { currency, date, counters } of this.byDay.values()) {
      const nonZero = [...counters].filter(([, value]) => value !== 0).sort(([a], [b]) => compare(a, b));
      if (nonZero.length > 0) days.push({ currency, date, counters: Object.fromEntries(nonZero) });
    }
    return days.sort((a, b) => compare(a.currency, b.currency) || compare(a.date, b.date));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

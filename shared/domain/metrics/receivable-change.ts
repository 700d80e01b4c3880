/**
 * The day-aggregate deltas of one ledger change (receivable-day.ts): what the change adds to the
 * receivables of each currency and tenant-calendar day. Each changed record contributes what it
 * means now minus what it meant before — a payment that gained an allocation adds a collection, a
 * reversed one adds reversals, a cancelled promise takes its `promise_made` back, an invoice whose
 * dates moved is taken out of its old days with every movement on it and put into the new ones —
 * so the aggregates always equal the facts the on-demand metrics read (ledgerFactsFrom), dated the
 * same way: instants on the tenant's calendar, allocations when they took effect.
 */
import type { Adjustment } from '../adjustments/adjustment';
import type { Dispute } from '../disputes/dispute';
import type { Invoice } from '../invoices/invoice';
import type { Payment } from '../payments/payment';
import { adjustmentMovement, paymentMovements } from './money-movements';
import type { PromiseToPay } from '../promises/promise-to-pay';
import { localDate } from '../time/calendar-date';
import type { InvoiceFact, MovementFact } from './ledger-facts';
import {
  mergeReceivableDays,
  receivableDeltas,
  type ReceivableDay,
  type ReceivableEvent,
} from './receivable-day';

interface Change<T> {
  before: T;
  after: T;
}

/** An invoice whose issue or due date moved, with every payment and adjustment on it. */
export interface RedatedInvoice extends Change<Invoice> {
  payments: readonly Payment[];
  adjustments: readonly Adjustment[];
}

/** The parts of a ledger change that move receivables (structurally, the store's LedgerChange). */
export interface ReceivableChange {
  createdInvoices?: readonly Invoice[];
  changedInvoices?: readonly Change<Invoice>[];
  createdPayments?: readonly Payment[];
  changedPayments?: readonly Change<Payment>[];
  createdAdjustments?: readonly Adjustment[];
  createdPromises?: readonly PromiseToPay[];
  changedPromises?: readonly Change<PromiseToPay>[];
  createdDisputes?: readonly Dispute[];
  changedDisputes?: readonly Change<Dispute>[];
  redatedInvoices?: readonly RedatedInvoice[];
}

export function receivableDaysOfChange(change: ReceivableChange, timeZone: string): ReceivableDay[] {
  const day = (instant: string) => localDate(new Date(instant), timeZone);
  const invoices = new Map<string, InvoiceFact>();
  for (const invoice of change.createdInvoices ?? []) invoices.set(invoice.id, factOf(invoice));
  for (const { after } of change.changedInvoices ?? []) invoices.set(after.id, factOf(after));
  const invoiceOf = (id: string): InvoiceFact => {
    const invoice = invoices.get(id);
    // A movement the change does not carry its invoice for would go uncounted: refuse it loudly.
    if (!invoice) throw new RangeError(`A ledger change moves invoice ${id} without carrying it`);
    return invoice;
  };

  const paymentEvents = (payment: Payment) =>
    paymentMovements(payment, day).map((movement) => movementEvent(movement, invoiceOf(movement.invoiceId)));
  const promiseEvents = (promise: PromiseToPay): ReceivableEvent[] => {
    if (promise.status === 'cancelled') return [];
    const fact = {
      id: promise.id,
      currency: promise.currency,
      amount: promise.amount,
      dueDate: promise.dueDate,
      graceDays: promise.graceDays,
    };
    const made: ReceivableEvent = { kind: 'promise_made', promise: { ...fact, status: 'pending' } };
    if (promise.status === 'pending') return [made];
    const resolvedOn = promise.resolvedAt ? { resolvedOn: day(promise.resolvedAt) } : {};
    return [made, { kind: 'promise_resolved', promise: { ...fact, status: promise.status, ...resolvedOn } }];
  };
  const disputeEvents = (dispute: Dispute): ReceivableEvent[] => {
    const invoice = invoiceOf(dispute.invoiceId);
    const fact = { id: dispute.id, invoiceId: dispute.invoiceId, openedAt: day(dispute.openedAt) };
    const opened: ReceivableEvent = { kind: 'dispute_opened', dispute: fact, invoice };
    if (!dispute.resolvedAt) return [opened];
    const resolved = { ...fact, resolvedAt: day(dispute.resolvedAt) };
    return [opened, { kind: 'dispute_resolved', dispute: resolved, invoice }];
  };
  const adjustmentEvents = (adjustment: Adjustment, invoice: InvoiceFact): ReceivableEvent[] => [
    movementEvent(adjustmentMovement(adjustment, day), invoice),
  ];

  const added: ReceivableEvent[] = [];
  const removed: ReceivableEvent[] = [];
  const diff = <T>(changes: readonly Change<T>[] | undefined, events: (record: T) => ReceivableEvent[]) => {
    for (const { before, after } of changes ?? []) {
      added.push(...events(after));
      removed.push(...events(before));
    }
  };

  for (const invoice of change.createdInvoices ?? [])
    added.push({ kind: 'invoice_issued', invoice: invoiceOf(invoice.id) });
  for (const payment of change.createdPayments ?? []) added.push(...paymentEvents(payment));
  for (const { before, after } of change.changedPayments ?? []) {
    // Only what changed: allocations untouched by this change name invoices it does not carry.
    const { gained, lost } = movementDifference(paymentMovements(before, day), paymentMovements(after, day));
    added.push(...gained.map((movement) => movementEvent(movement, invoiceOf(movement.invoiceId))));
    removed.push(...lost.map((movement) => movementEvent(movement, invoiceOf(movement.invoiceId))));
  }
  for (const adjustment of change.createdAdjustments ?? []) {
    added.push(...adjustmentEvents(adjustment, invoiceOf(adjustment.invoiceId)));
  }
  for (const promise of change.createdPromises ?? []) added.push(...promiseEvents(promise));
  diff(change.changedPromises, promiseEvents);
  for (const dispute of change.createdDisputes ?? []) added.push(...disputeEvents(dispute));
  diff(change.changedDisputes, disputeEvents);
  for (const redated of change.redatedInvoices ?? []) {
    const whole = (invoice: Invoice): ReceivableEvent[] => {
      const fact = factOf(invoice);
      const own = (movement: MovementFact) => movement.invoiceId === invoice.id;
      return [
        { kind: 'invoice_issued', invoice: fact },
        ...redated.payments.flatMap((payment) =>
          paymentMovements(payment, day)
            .filter(own)
            .map((movement) => movementEvent(movement, fact)),
        ),
        ...redated.adjustments
          .filter((adjustment) => adjustment.invoiceId === invoice.id)
          .flatMap((adjustment) => adjustmentEvents(adjustment, fact)),
      ];
    };
    added.push(...whole(redated.after));
    removed.push(...whole(redated.before));
  }
  return mergeReceivableDays(receivableDeltas(added), negated(receivableDeltas(removed)));
}

/** The movements only one side has (as multisets): what a change added and what it took away. */
function movementDifference(before: readonly MovementFact[], after: readonly MovementFact[]) {
  const key = (movement: MovementFact) => JSON.stringify(movement);
  const remaining = new Map<string, number>();
  for (const movement of before) remaining.set(key(movement), (remaining.get(key(movement)) ?? 0) + 1);
  const gained: MovementFact[] = [];
  for (const movement of after) {
    const left = remaining.get(key(movement)) ?? 0;
    if (left > 0) remaining.set(key(movement), left - 1);
    else gained.push(movement);
  }
  const lost = before.filter((movement) => {
    const left = remaining.get(key(movement)) ?? 0;
    if (left <= 0) return false;
    remaining.set(key(movement), left - 1);
    return true;
  });
  return { gained, lost };
}

function movementEvent(movement: MovementFact, invoice: InvoiceFact): ReceivableEvent {
  return { kind: 'movement', movement, invoice };
}

function factOf(invoice: Invoice): InvoiceFact {
  const { id, currency, amount, issueDate, dueDate } = invoice;
  return { id, currency, amount, issueDate, dueDate };
}

function negated(days: readonly ReceivableDay[]): ReceivableDay[] {
  return days.map((day) => ({
    ...day,
    counters: Object.fromEntries(Object.entries(day.counters).map(([name, value]) => [name, -value])),
  }));
}

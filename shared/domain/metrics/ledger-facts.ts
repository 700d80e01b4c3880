/**
 * Ledger facts: the dated history the AR metrics and the risk score are computed from. They are
 * plain values a use case loads (invoices, money movements, promises, disputes); nothing here reads
 * a store or a clock.
 *
 * Money movements are one discriminated union, every amount a POSITIVE integer of minor units in
 * the currency of the invoice it is against:
 * - `allocation`: part of a payment applied to the invoice on `date` (lowers its outstanding);
 * - `reversal`: a bounced payment undoing an earlier allocation on `date` (raises the outstanding
 *   again, domain rules §2). It is a separate kind, not a negative allocation; `allocatedOn` names
 *   the date of the allocation it undoes, so figures about payments (average days to pay) can
 *   leave the bounced money out;
 * - `credit_note` and `write_off`: lower the outstanding on `date`.
 *
 * Currencies: facts of several currencies may travel together. Every metric takes ONE currency and
 * ignores the facts of the others (movements and disputes count in the currency of their invoice,
 * promises carry their own). `groupFactsByCurrency` splits a mixed set. A movement or dispute whose
 * invoice is missing from the facts is a data error and throws: it would silently skew the figures.
 */
import type { CurrencyCode } from '../money/currencies';
import { isCalendarDate, type CalendarDate } from '../time/calendar-date';

export interface InvoiceFact {
  id: string;
  currency: CurrencyCode;
  /** Billed amount in minor units. */
  amount: number;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
}

interface MovementBase {
  invoiceId: string;
  /** Positive, minor units of the invoice's currency. */
  amount: number;
  /** The day the movement took effect (the tenant's calendar). */
  date: CalendarDate;
}

export interface AllocationFact extends MovementBase {
  kind: 'allocation';
  paymentId?: string;
}

export interface ReversalFact extends MovementBase {
  kind: 'reversal';
  /** Date of the allocation this reversal undoes. */
  allocatedOn: CalendarDate;
  paymentId?: string;
}

export interface CreditNoteFact extends MovementBase {
  kind: 'credit_note';
}

export interface WriteOffFact extends MovementBase {
  kind: 'write_off';
}

export type MovementFact = AllocationFact | ReversalFact | CreditNoteFact | WriteOffFact;

export type PromiseStatus = 'pending' | 'kept' | 'broken';

export interface PromiseFact {
  id: string;
  currency: CurrencyCode;
  amount: number;
  dueDate: CalendarDate;
  graceDays: number;
  status: PromiseStatus;
  /** The day the promise was found kept or broken. */
  resolvedOn?: CalendarDate;
}

export interface DisputeFact {
  id: string;
  invoiceId: string;
  openedAt: CalendarDate;
  resolvedAt?: CalendarDate;
}

export interface LedgerFacts {
  invoices: readonly InvoiceFact[];
  movements: readonly MovementFact[];
  promises?: readonly PromiseFact[];
  disputes?: readonly DisputeFact[];
}

export interface CurrencyFacts {
  currency: CurrencyCode;
  facts: LedgerFacts;
}

/** The movement's effect on the invoice's outstanding amount: negative lowers it. */
export function signedEffect(movement: MovementFact): number {
  return movement.kind === 'reversal' ? movement.amount : -movement.amount;
}

/** The facts of one currency only; throws on movements or disputes that name an unknown invoice. */
export function factsForCurrency(facts: LedgerFacts, currency: CurrencyCode): LedgerFacts {
  const currencyOf = invoiceCurrencies(facts);
  const inCurrency = (invoiceId: string, what: string): boolean => {
    const found = currencyOf.get(invoiceId);
    if (found === undefined) throw new RangeError(`${what} names unknown invoice ${invoiceId}`);
    return found === currency;
  };
  return {
    invoices: facts.invoices.filter((invoice) => invoice.currency === currency),
    movements: facts.movements.filter((movement) => inCurrency(movement.invoiceId, `A ${movement.kind}`)),
    promises: (facts.promises ?? []).filter((promise) => promise.currency === currency),
    disputes: (facts.disputes ?? []).filter((dispute) =>
      inCurrency(dispute.invoiceId, `Dispute ${dispute.id}`),
    ),
  };
}

/** Splits facts by currency, sorted by currency code; no figure is ever summed across currencies. */
export function groupFactsByCurrency(facts: LedgerFacts): CurrencyFacts[] {
  const currencies = new Set<CurrencyCode>([
    ...facts.invoices.map((invoice) => invoice.currency),
    ...(facts.promises ?? []).map((promise) => promise.currency),
  ]);
  return [...currencies].sort().map((currency) => ({ currency, facts: factsForCurrency(facts, currency) }));
}

/**
 * Throws a RangeError naming the first fact that cannot be computed with: duplicate invoice ids,
 * amounts that are not safe integers (movements and promises: positive), dates that are not real
 * calendar dates, a resolution before its opening.
 */
export function assertLedgerFacts(facts: LedgerFacts): void {
  const ids = new Set<string>();
  for (const invoice of facts.invoices) {
    if (ids.has(invoice.id)) throw new RangeError(`Invoice ${invoice.id} appears twice`);
    ids.add(invoice.id);
    checkAmount(invoice.amount, `Invoice ${invoice.id} amount`, 0);
    checkDate(invoice.issueDate, `Invoice ${invoice.id} issueDate`);
    checkDate(invoice.dueDate, `Invoice ${invoice.id} dueDate`);
  }
  for (const movement of facts.movements) {
    const what = `A ${movement.kind} on invoice ${movement.invoiceId}`;
    if (!ids.has(movement.invoiceId)) throw new RangeError(`${what} names an unknown invoice`);
    checkAmount(movement.amount, `${what}: amount`, 1);
    checkDate(movement.date, `${what}: date`);
    if (movement.kind === 'reversal') checkDate(movement.allocatedOn, `${what}: allocatedOn`);
  }
  for (const promise of facts.promises ?? []) {
    checkAmount(promise.amount, `Promise ${promise.id} amount`, 1);
    checkDate(promise.dueDate, `Promise ${promise.id} dueDate`);
    if (!Number.isSafeInteger(promise.graceDays) || promise.graceDays < 0) {
      throw new RangeError(`Promise ${promise.id} graceDays must be a non-negative integer`);
    }
    if (promise.resolvedOn !== undefined) checkDate(promise.resolvedOn, `Promise ${promise.id} resolvedOn`);
  }
  for (const dispute of facts.disputes ?? []) {
    if (!ids.has(dispute.invoiceId)) throw new RangeError(`Dispute ${dispute.id} names an unknown invoice`);
    checkDate(dispute.openedAt, `Dispute ${dispute.id} openedAt`);
    if (dispute.resolvedAt !== undefined) {
      checkDate(dispute.resolvedAt, `Dispute ${dispute.id} resolvedAt`);
      if (dispute.resolvedAt < dispute.openedAt)
        throw new RangeError(`Dispute ${dispute.id} resolved before it opened`);
    }
  }
}

function invoiceCurrencies(facts: LedgerFacts): Map<string, CurrencyCode> {
  return new Map(facts.invoices.map((invoice) => [invoice.id, invoice.currency]));
}

function checkAmount(amount: number, what: string, minimum: number): void {
  if (!Number.isSafeInteger(amount) || amount < minimum) {
    throw new RangeError(`${what} must be an integer of minor units ≥ ${minimum}: ${amount}`);
  }
}

function checkDate(date: string, what: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`${what} is not a calendar date: ${date}`);
}

/**
 * Receivables at the end of a day, rebuilt from dated ledger facts (domain rules §2, §3): an
 * invoice counts from its issue date; its outstanding is its amount minus the allocations, credit
 * notes and write-offs dated on or before the day, plus the reversals dated on or before the day,
 * never below zero. All functions take one currency and ignore the facts of others.
 */
import { agingBucket, emptyAging, type Aging } from '../ledger/aging';
import type { CurrencyCode } from '../money/currencies';
import { daysBetween, type CalendarDate } from '../time/calendar-date';
import { factsForCurrency, signedEffect, type InvoiceFact, type LedgerFacts } from './ledger-facts';

export interface InvoiceBalance {
  invoice: InvoiceFact;
  /** Minor units still owed at the end of the day, > 0. */
  outstanding: number;
}

/** Invoices of the currency with something owed at the end of `date`. */
export function balancesAt(facts: LedgerFacts, currency: CurrencyCode, date: CalendarDate): InvoiceBalance[] {
  const scoped = factsForCurrency(facts, currency);
  const effects = new Map<string, number>();
  for (const movement of scoped.movements) {
    if (movement.date > date) continue;
    effects.set(movement.invoiceId, (effects.get(movement.invoiceId) ?? 0) + signedEffect(movement));
  }
  const balances: InvoiceBalance[] = [];
  for (const invoice of scoped.invoices) {
    if (invoice.issueDate > date) continue;
    const owed = Math.max(0, invoice.amount + (effects.get(invoice.id) ?? 0));
    if (owed > 0) balances.push({ invoice, outstanding: owed });
  }
  return balances;
}

/** Accounts receivable at the end of `date`, in minor units. */
export function outstandingAt(facts: LedgerFacts, currency: CurrencyCode, date: CalendarDate): number {
  return total(balancesAt(facts, currency, date));
}

/** The part of the receivables not past due at the end of `date` (due date ≥ date). */
export function currentAt(facts: LedgerFacts, currency: CurrencyCode, date: CalendarDate): number {
  return total(balancesAt(facts, currency, date).filter((balance) => balance.invoice.dueDate >= date));
}

/** Aging at the end of `date`: days past due = date − due date; paid and written-off invoices are not aged. */
export function agingAt(facts: LedgerFacts, currency: CurrencyCode, date: CalendarDate): Aging {
  const aging = emptyAging();
  for (const balance of balancesAt(facts, currency, date)) {
    aging[agingBucket(daysBetween(balance.invoice.dueDate, date))] += balance.outstanding;
  }
  return aging;
}

export interface SettledAllocation {
  invoice: InvoiceFact;
  /** The allocation date. */
  date: CalendarDate;
  /** Minor units allocated that day and not reversed by the end of `to`, > 0. */
  amount: number;
}

/**
 * Payments that stuck: allocations dated in [from, to] per invoice and day, less the reversals
 * dated up to `to` that undo them (a bounced payment paid nothing).
 */
export function settledAllocations(
  facts: LedgerFacts,
  currency: CurrencyCode,
  from: CalendarDate,
  to: CalendarDate,
): SettledAllocation[] {
  const scoped = factsForCurrency(facts, currency);
  const invoices = new Map(scoped.invoices.map((invoice) => [invoice.id, invoice]));
  const key = (invoiceId: string, date: CalendarDate): string => `${date}|${invoiceId}`;
  const settled = new Map<string, SettledAllocation>();
  for (const movement of scoped.movements) {
    if (movement.kind !== 'allocation' || movement.date < from || movement.date > to) continue;
    const entry = settled.get(key(movement.invoiceId, movement.date));
    if (entry) entry.amount += movement.amount;
    else {
      const invoice = invoices.get(movement.invoiceId) as InvoiceFact;
      settled.set(key(movement.invoiceId, movement.date), {
        invoice,
        date: movement.date,
        amount: movement.amount,
      });
    }
  }
  for (const movement of scoped.movements) {
    if (movement.kind !== 'reversal' || movement.date > to) continue;
    const entry = settled.get(key(movement.invoiceId, movement.allocatedOn));
    if (entry) entry.amount = Math.max(0, entry.amount - movement.amount);
  }
  return [...settled.values()].filter((allocation) => allocation.amount > 0);
}

function total(balances: readonly InvoiceBalance[]): number {
  return balances.reduce((sum, balance) => sum + balance.outstanding, 0);
}

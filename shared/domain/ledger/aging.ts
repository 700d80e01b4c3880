/**
 * Aging: days past due = as-of date − due date in calendar days; buckets current (≤ 0),
 * 1–30, 31–60, 61–90, over 90. Paid and written-off invoices are not aged.
 */
import { daysBetween, type CalendarDate } from '../time/calendar-date';
import { outstanding, type Invoice } from '../invoices/invoice';
import type { CurrencyCode } from '../money/currencies';

export type AgingBucket = 'current' | 'd1_30' | 'd31_60' | 'd61_90' | 'd90_plus';

export type Aging = Record<AgingBucket, number>;

export interface CurrencyBalance {
  currency: CurrencyCode;
  outstanding: number;
  overdue: number;
}

export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'd1_30';
  if (daysPastDue <= 60) return 'd31_60';
  if (daysPastDue <= 90) return 'd61_90';
  return 'd90_plus';
}

export function emptyAging(): Aging {
  return { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 };
}

type AgeableInvoice = Pick<Invoice, 'currency' | 'amount' | 'paid' | 'credited' | 'writtenOff' | 'dueDate'>;

/** Aging of one currency's invoices as of a date. */
export function ageInvoices(invoices: readonly AgeableInvoice[], asOf: CalendarDate): Aging {
  const aging = emptyAging();
  for (const invoice of invoices) {
    const owed = outstanding(invoice);
    if (owed === 0) continue;
    aging[agingBucket(daysBetween(invoice.dueDate, asOf))] += owed;
  }
  return aging;
}

/** Balances per currency, never summed across currencies. */
export function balancesByCurrency(
  invoices: readonly AgeableInvoice[],
  asOf: CalendarDate,
): CurrencyBalance[] {
  const byCurrency = new Map<CurrencyCode, CurrencyBalance>();
  for (const invoice of invoices) {
    const owed = outstanding(invoice);
    if (owed === 0) continue;
    const balance = byCurrency.get(invoice.currency) ?? {
      currency: invoice.currency,
      outstanding: 0,
      overdue: 0,
    };
    balance.outstanding += owed;
    if (invoice.dueDate < asOf) balance.overdue += owed;
    byCurrency.set(invoice.currency, balance);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export function agingByCurrency(
  invoices: readonly AgeableInvoice[],
  asOf: CalendarDate,
): ({ currency: CurrencyCode } & Aging)[] {
  const currencies = [...new Set(invoices.filter((i) => outstanding(i) > 0).map((i) => i.currency))].sort();
  return currencies.map((currency) => ({
    currency,
    ...ageInvoices(
      invoices.filter((i) => i.currency === currency),
      asOf,
    ),
  }));
}

/**
 * Payment allocation (domain rules §2). Default: open invoices of the payment's currency, oldest
 * due date first, ties by issue date then number; disputed invoices are skipped unless named
 * explicitly. Whatever is not allocated stays as unapplied credit. Money is conserved:
 * allocations + unapplied = payment amount, always.
 */
import type { FieldIssue } from '../errors';
import type { CurrencyCode } from '../money/currencies';
import type { CalendarDate } from '../time/calendar-date';

export interface OpenItem {
  id: string;
  number: string;
  currency: CurrencyCode;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  outstanding: number;
  disputed: boolean;
}

export interface Allocation {
  invoiceId: string;
  amount: number;
}

export interface AllocationResult {
  allocations: Allocation[];
  unapplied: number;
}

/** Collection order: oldest due date first, then issue date, then invoice number. */
export function byCollectionOrder(a: OpenItem, b: OpenItem): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? -1 : 1;
  return a.number.localeCompare(b.number, 'en', { numeric: true });
}

export function allocateByDefault(
  amount: number,
  currency: CurrencyCode,
  items: readonly OpenItem[],
): AllocationResult {
  const candidates = items
    .filter((item) => item.currency === currency && item.outstanding > 0 && !item.disputed)
    .sort(byCollectionOrder);
  const allocations: Allocation[] = [];
  let remaining = amount;
  for (const item of candidates) {
    if (remaining === 0) break;
    const applied = Math.min(remaining, item.outstanding);
    allocations.push({ invoiceId: item.id, amount: applied });
    remaining -= applied;
  }
  return { allocations, unapplied: remaining };
}

/**
 * Explicit allocations named by the payer (remittance advice) are honoured as given, after
 * checking each one; what they leave over is unapplied credit.
 */
export function allocateExplicitly(
  amount: number,
  currency: CurrencyCode,
  requested: readonly Allocation[],
  items: readonly OpenItem[],
): AllocationResult | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const byId = new Map(items.map((item) => [item.id, item]));
  const seen = new Set<string>();
  let total = 0;
  requested.forEach((allocation, index) => {
    const path = `allocations.${index}`;
    const item = byId.get(allocation.invoiceId);
    if (seen.has(allocation.invoiceId))
      issues.push({ path: `${path}.invoiceId`, message: 'is listed twice' });
    seen.add(allocation.invoiceId);
    if (!item) {
      issues.push({ path: `${path}.invoiceId`, message: 'is not an open invoice of this debtor' });
      return;
    }
    if (item.currency !== currency) {
      issues.push({
        path: `${path}.invoiceId`,
        message: `is in ${item.currency}, the payment is in ${currency}`,
      });
    }
    if (!Number.isSafeInteger(allocation.amount) || allocation.amount <= 0) {
      issues.push({ path: `${path}.amount`, message: 'must be a positive integer of minor units' });
    } else if (allocation.amount > item.outstanding) {
      issues.push({
        path: `${path}.amount`,
        message: `exceeds the ${item.outstanding} outstanding on the invoice`,
      });
    }
    total += allocation.amount;
  });
  if (total > amount)
    issues.push({ path: 'allocations', message: `add up to ${total}, more than the payment's ${amount}` });
  if (issues.length > 0) return { issues };
  return {
    allocations: requested.map(({ invoiceId, amount: part }) => ({ invoiceId, amount: part })),
    unapplied: amount - total,
  };
}

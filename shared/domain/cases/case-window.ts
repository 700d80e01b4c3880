/**
 * When a debtor's collection case opens: the day its first open invoice enters the policy's
 * window — the day of the policy's first step before the due date (pre-due reminders) — or, for a
 * policy without such a step, the day the invoice becomes overdue. Before that nothing needs a
 * workflow, so none runs.
 */
import { outstanding, type Invoice } from '../invoices/invoice';
import type { Policy } from '../policies/policy';
import { addDays, type CalendarDate } from '../time/calendar-date';

/** A case opens up to this many days before its window, so no time zone makes it late. */
export const CASE_OPENS_DAYS_AHEAD = 1;

/** Days before the due date the window opens (−1: the day after, when the invoice is late). */
export function windowLead(policy: Pick<Policy, 'steps'>): number {
  const first = Math.min(1, ...policy.steps.map((step) => step.offsetDays));
  return -first;
}

export function windowStart(policy: Pick<Policy, 'steps'>, dueDate: CalendarDate): CalendarDate {
  return addDays(dueDate, -windowLead(policy));
}

/** Whether some open invoice has entered the window by `today` (the debtor's calendar). */
export function inCaseWindow(
  policy: Pick<Policy, 'steps'>,
  invoices: readonly Pick<Invoice, 'amount' | 'paid' | 'credited' | 'writtenOff' | 'dueDate'>[],
  today: CalendarDate,
): boolean {
  return invoices.some(
    (invoice) => outstanding(invoice) > 0 && windowStart(policy, invoice.dueDate) <= today,
  );
}

/**
 * Due-date alerts for the creditor's people: an invoice falls due in N days, or has just become
 * late — at the start of the day after its due date in the creditor's time zone. Each goes to the
 * debtor's collector, or to the managers when the account has none. Paid, written-off and
 * disputed invoices raise none.
 */
import { outstanding, type Invoice } from '../invoices/invoice';
import { formatMoney, money } from '../money/money';
import type { Collector, AlertSettings } from '../settings/tenant-settings';
import { addDays, daysBetween, type CalendarDate } from '../time/calendar-date';
import type { StaffNotification } from './staff-notification';

export interface AlertedInvoice {
  invoice: Invoice;
  debtor: { id: string; name: string; collectorId?: string };
}

export interface DueDateAlertInput {
  tenantId: string;
  /** The local date that just began. */
  date: CalendarDate;
  /** Its first instant: when the invoices due the day before became late. */
  dayStart: Date;
  timeZone: string;
  collectors: readonly Collector[];
  alerts: AlertSettings;
  invoices: readonly AlertedInvoice[];
  locale?: string;
}

/** The due dates whose invoices alert on `date`: yesterday's (overdue) and each warning day ahead. */
export function alertDueDates(date: CalendarDate, alerts: AlertSettings): CalendarDate[] {
  return [addDays(date, -1), ...alerts.daysBeforeDue.map((days) => addDays(date, days))];
}

export function dueDateAlerts(input: DueDateAlertInput): StaffNotification[] {
  const locale = input.locale ?? 'en-US';
  const collectors = new Map(input.collectors.map((collector) => [collector.id, collector]));
  const notifications: StaffNotification[] = [];
  for (const { invoice, debtor } of input.invoices) {
    const open = outstanding(invoice);
    if (open <= 0 || invoice.openDisputeId) continue;
    const daysToDue = daysBetween(input.date, invoice.dueDate);
    const overdue = daysToDue === -1;
    if (!overdue && !input.alerts.daysBeforeDue.includes(daysToDue)) continue;
    const collector = debtor.collectorId ? collectors.get(debtor.collectorId) : undefined;
    const recipients = collector ? [collector.email] : input.alerts.managerEmails;
    const amount = formatMoney(money(open, invoice.currency), locale);
    const kind = overdue ? 'invoice_overdue' : 'invoice_due_soon';
    const subject = overdue
      ? `Overdue: invoice ${invoice.number} of ${debtor.name}`
      : `Due in ${daysToDue} day${daysToDue === 1 ? '' : 's'}: invoice ${invoice.number} of ${debtor.name}`;
    const body = overdue
      ? `Invoice ${invoice.number} of ${debtor.name} was due on ${invoice.dueDate} and became overdue at ${input.dayStart.toISOString()} (start of ${input.date}, ${input.timeZone}). Outstanding: ${amount}.`
      : `Invoice ${invoice.number} of ${debtor.name} falls due on ${invoice.dueDate}. Outstanding: ${amount}.`;
    for (const to of recipients) {
      notifications.push({
        // Per invoice, due date and recipient: a changed due date alerts again, a rerun does not.
        id: `ntf:${kind}:${invoice.id}:${invoice.dueDate}:${to}`,
        tenantId: input.tenantId,
        kind,
        debtorId: debtor.id,
        channel: 'email',
        to,
        template: kind,
        subject,
        body,
        status: 'queued',
        createdAt: input.dayStart.toISOString(),
      });
    }
  }
  return notifications;
}

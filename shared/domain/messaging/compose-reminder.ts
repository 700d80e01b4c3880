/**
 * A cadence message, written for one debtor: the template rendered with the debtor's open
 * balance in its currency and locale (JPY without decimals, KWD with three), dates in the
 * debtor's conventions. Footers come later, when the gate has said what this contact must carry.
 */
import { outstanding, type Invoice } from '../invoices/invoice';
import { formatMoney, money } from '../money/money';
import type { CalendarDate } from '../time/calendar-date';
import type { MessageLocale } from './message-locale';
import type { ReminderTemplate } from './reminder-templates';
import { renderTemplate, type TemplateVariable } from './render-template';

export interface ComposedMessage {
  template: string;
  subject?: string;
  body: string;
}

export function reminderVariables(
  debtorName: string,
  invoices: readonly Invoice[],
  locale: MessageLocale,
  portalLink = '',
): Record<TemplateVariable, string> {
  const open = invoices
    .filter((invoice) => outstanding(invoice) > 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  const formatDate = (date: CalendarDate) =>
    new Intl.DateTimeFormat(locale.format, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );
  const totals = new Map<string, number>();
  for (const invoice of open)
    totals.set(invoice.currency, (totals.get(invoice.currency) ?? 0) + outstanding(invoice));
  const dueLabel = locale.language === 'de' ? 'fällig am' : 'due';
  const invoiceLabel = locale.language === 'de' ? 'Rechnung' : 'Invoice';
  return {
    debtorName,
    portalLink,
    // Per currency, never summed across currencies.
    totalOutstanding: [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => formatMoney(money(amount, currency), locale.format))
      .join(' + '),
    itemisedBalance: open
      .map(
        (invoice) =>
          `- ${invoiceLabel} ${invoice.number}, ${dueLabel} ${formatDate(invoice.dueDate)}: ${formatMoney(money(outstanding(invoice), invoice.currency), locale.format)}`,
      )
      .join('\n'),
    oldestDueDate: open[0] ? formatDate(open[0].dueDate) : '',
    invoiceCount: String(open.length),
  };
}

export function composeReminder(
  template: ReminderTemplate,
  variables: Readonly<Record<TemplateVariable, string>>,
): ComposedMessage {
  return {
    template: template.id,
    ...(template.subject ? { subject: renderTemplate(template.subject, variables) } : {}),
    body: renderTemplate(template.body, variables),
  };
}

import {
  alertDueDates,
  dueDateAlerts,
  type AlertedInvoice,
} from '../../domain/notifications/due-date-alerts';
import { DEFAULT_ALERTS } from '../../domain/settings/tenant-settings';
import { startOfLocalDay, type CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import { sendNotifications } from '../notifications/send-notifications';

/** The due-date alerts of a tenant's new day: one query per currency and alerting due date. */
export async function sendDueDateAlerts(
  services: Pick<
    Services,
    'clock' | 'settings' | 'facts' | 'invoices' | 'debtors' | 'notifications' | 'messages'
  >,
  tenantId: string,
  date: CalendarDate,
): Promise<number> {
  const settings = await services.settings.get(tenantId);
  const alerts = settings.alerts ?? DEFAULT_ALERTS;
  const invoices: AlertedInvoice[] = [];
  const debtors = new Map<string, AlertedInvoice['debtor'] | undefined>();
  for (const currency of await services.facts.currencies(tenantId)) {
    for (const dueDate of alertDueDates(date, alerts)) {
      for (const invoice of await services.invoices.dueBetween(tenantId, currency, dueDate, dueDate)) {
        if (!debtors.has(invoice.debtorId)) {
          const debtor = await services.debtors.get(tenantId, invoice.debtorId);
          debtors.set(
            invoice.debtorId,
            debtor && {
              id: debtor.id,
              name: debtor.name,
              ...(debtor.collectorId ? { collectorId: debtor.collectorId } : {}),
            },
          );
        }
        const debtor = debtors.get(invoice.debtorId);
        if (debtor) invoices.push({ invoice, debtor });
      }
    }
  }
  const notifications = dueDateAlerts({
    tenantId,
    date,
    dayStart: startOfLocalDay(date, settings.timezone),
    timeZone: settings.timezone,
    collectors: settings.collectors ?? [],
    alerts,
    invoices,
  });
  return sendNotifications(services, tenantId, notifications);
}

import { productivityOf } from '../../domain/activities/activity-day';
import { dailyPositions, metricsFromDays } from '../../domain/metrics/rollup-metrics';
import type { StaffNotification } from '../../domain/notifications/staff-notification';
import { weeklyReport, type WeeklyCurrencySection } from '../../domain/notifications/weekly-report';
import { DEFAULT_ALERTS } from '../../domain/settings/tenant-settings';
import { addDays, startOfLocalDay, type CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import { sendNotifications } from '../notifications/send-notifications';

const TREND_WEEKS = 4;

/** On Monday: last week's report to the managers (settings `alerts.managerEmails` and manager-role collectors). */
export async function sendWeeklyReport(
  services: Pick<
    Services,
    | 'clock'
    | 'settings'
    | 'facts'
    | 'receivableDays'
    | 'contacts'
    | 'worklists'
    | 'notifications'
    | 'messages'
  >,
  tenantId: string,
  monday: CalendarDate,
): Promise<number> {
  const settings = await services.settings.get(tenantId);
  const collectors = settings.collectors ?? [];
  const recipients = [
    ...new Set([
      ...(settings.alerts ?? DEFAULT_ALERTS).managerEmails,
      ...collectors.filter((collector) => collector.role === 'manager').map((collector) => collector.email),
    ]),
  ];
  if (recipients.length === 0) return 0;
  const week = { from: addDays(monday, -7), to: addDays(monday, -1) };

  const currencies: WeeklyCurrencySection[] = [];
  for (const currency of await services.facts.currencies(tenantId)) {
    const days = await services.receivableDays.days(tenantId, currency, week.to);
    const [end] = dailyPositions(days, currency, week.to, week.to);
    const trend = Array.from({ length: TREND_WEEKS }, (_, index) => {
      const to = addDays(week.to, -7 * (TREND_WEEKS - 1 - index));
      const figures = metricsFromDays(days, currency, { from: addDays(to, -6), to });
      return { from: addDays(to, -6), to, dso: figures.dso, cei: figures.cei };
    });
    if (end) currencies.push({ currency, aging: end.aging, trend });
  }
  const assigned: Record<string, number> = {};
  for (let date = week.from; date <= week.to; date = addDays(date, 1)) {
    for (const entry of (await services.worklists.get(tenantId, date))?.entries ?? []) {
      if (entry.assignedTo) assigned[entry.assignedTo] = (assigned[entry.assignedTo] ?? 0) + 1;
    }
  }
  const productivity = productivityOf(await services.contacts.activityDays(tenantId, week.from, week.to));
  const report = weeklyReport({ week, currencies, productivity, assigned, collectors });
  const createdAt = startOfLocalDay(monday, settings.timezone).toISOString();
  const notifications: StaffNotification[] = recipients.map((to) => ({
    id: `ntf:weekly_report:${week.from}:${to}`,
    tenantId,
    kind: 'weekly_report',
    channel: 'email',
    to,
    template: 'weekly_report',
    subject: report.subject,
    body: report.body,
    status: 'queued',
    createdAt,
  }));
  return sendNotifications(services, tenantId, notifications);
}

import { productivityOf } from '../../domain/activities/activity-day';
import { metricsPeriods, type Granularity } from '../../domain/metrics/metrics-periods';
import type { CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';

/**
 * The contact work of a period, and by day or month with a granularity: reminders the system
 * sent by channel; calls, conversations and other contacts per person (the user's `sub`, with
 * the collector's name when settings know it). From the day counters, one query.
 */
export async function getProductivity(
  services: Pick<Services, 'settings' | 'contacts'>,
  context: UseCaseContext,
  query: { from: CalendarDate; to: CalendarDate; granularity?: Granularity },
) {
  const tenantId = context.actor.tenantId;
  const [settings, days] = await Promise.all([
    services.settings.get(tenantId),
    services.contacts.activityDays(tenantId, query.from, query.to),
  ]);
  const names = Object.fromEntries(
    (settings.collectors ?? []).map((collector) => [collector.id, collector.name]),
  );
  const figures = (from: CalendarDate, to: CalendarDate) => {
    const { reminders, people } = productivityOf(days.filter((day) => day.date >= from && day.date <= to));
    return {
      period: { from, to },
      reminders,
      people: Object.entries(people)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, work]) => ({ id, ...(names[id] ? { name: names[id] } : {}), ...work })),
    };
  };
  return {
    ...figures(query.from, query.to),
    ...(query.granularity
      ? {
          granularity: query.granularity,
          series: metricsPeriods(query, query.granularity).map((period) => figures(period.from, period.to)),
        }
      : {}),
  };
}

/**
 * The nightly rollup of a closed day, per currency, from the day aggregates — one query per
 * currency whatever the size of the book: the figures of each day (with the aging snapshot at its
 * end) and of each month to date. A back-dated change (a payment received last week, an invoice
 * issued last month) also changes every later day's balances, so the rollup recomputes from the
 * earliest day changed since the last run; what it stores equals what the on-demand metrics say.
 * Rerunning a night overwrites it with the same figures.
 */
import { metricsFromDays } from '../../domain/metrics/rollup-metrics';
import { addDays, daysBetween, type CalendarDate } from '../../domain/time/calendar-date';
import type { MetricsRollup } from '../../ports/rollup-store';
import type { Services } from '../../runtime/services';

/** Older changes than this are left to a rebuild: one night recomputes at most this many days. */
export const MAX_RECOMPUTED_DAYS = 400;

export async function rollUpDay(
  services: Pick<Services, 'clock' | 'facts' | 'receivableDays' | 'rollups'>,
  tenantId: string,
  closedDay: CalendarDate,
): Promise<MetricsRollup[]> {
  const computedAt = services.clock.now().toISOString();
  const stored: MetricsRollup[] = [];
  for (const currency of await services.facts.currencies(tenantId)) {
    const changed = await services.receivableDays.changedDates(tenantId, currency);
    const earliest = changed.byShard
      .flatMap((shard) => shard.dates)
      .filter((date) => date <= closedDay)
      .reduce((first, date) => (date < first ? date : first), closedDay);
    const from =
      daysBetween(earliest, closedDay) >= MAX_RECOMPUTED_DAYS
        ? addDays(closedDay, -(MAX_RECOMPUTED_DAYS - 1))
        : earliest;
    const days = await services.receivableDays.days(tenantId, currency, closedDay);
    for (let date = from; date <= closedDay; date = addDays(date, 1)) {
      const month = date.slice(0, 7);
      const monthEnd = addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);
      stored.push({
        tenantId,
        granularity: 'day',
        key: date,
        through: date,
        metrics: metricsFromDays(days, currency, { from: date, to: date }),
        computedAt,
      });
      // The month's figures to date: on its last day (or the closed day) they are the month's.
      if (date === monthEnd || date === closedDay) {
        stored.push({
          tenantId,
          granularity: 'month',
          key: month,
          through: date,
          metrics: metricsFromDays(days, currency, { from: `${month}-01`, to: date }),
          computedAt,
        });
      }
    }
    for (const rollup of stored.filter((entry) => entry.metrics.currency === currency)) {
      await services.rollups.put(rollup);
    }
    await services.receivableDays.clearChangedDates(tenantId, changed, closedDay);
  }
  return stored;
}

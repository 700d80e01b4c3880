import { computeArMetrics, type ArMetrics, type MetricsPeriod } from '../../domain/metrics/ar-metrics';
import { metricsFromDays } from '../../domain/metrics/rollup-metrics';
import { metricsPeriods, type Granularity } from '../../domain/metrics/metrics-periods';
import { ValidationError } from '../../domain/errors';
import type { CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { ledgerFactsFrom } from './ledger-facts-from-records';

export type MetricsSource = 'aggregates' | 'ledger';

/**
 * AR metrics of a period in one currency (DSO, best possible DSO, ADD, CEI, countback DSO,
 * aging, bad-debt ratio, promise-kept rate, days to pay, disputes), on the tenant's calendar.
 *
 * By default they come from the day aggregates (one query per currency, however many invoices);
 * `source=ledger` recomputes them from every money record, the reference the aggregates are
 * tested against. With a granularity the answer also carries the series: the same figures for
 * each day or calendar month of the period.
 */
export async function getMetrics(
  services: Pick<Services, 'clock' | 'settings' | 'facts' | 'receivableDays'>,
  context: UseCaseContext,
  query: {
    from: CalendarDate;
    to: CalendarDate;
    currency?: string;
    granularity?: Granularity;
    source?: MetricsSource;
  },
) {
  const settings = await services.settings.get(context.actor.tenantId);
  const currency = query.currency ?? settings.baseCurrency;
  if (!currency) {
    throw new ValidationError([
      { path: 'query.currency', message: 'is required when the tenant has no base currency' },
    ]);
  }
  const periods = query.granularity ? metricsPeriods(query, query.granularity) : [];
  const source = query.source ?? 'aggregates';
  let compute: (period: MetricsPeriod) => ArMetrics;
  if (source === 'ledger') {
    const records = await services.facts.records(context.actor.tenantId, currency);
    const facts = ledgerFactsFrom(records, settings.timezone, services.clock.now());
    compute = (period) => computeArMetrics(facts, currency, period);
  } else {
    const days = await services.receivableDays.days(context.actor.tenantId, currency, query.to);
    compute = (period) => metricsFromDays(days, currency, period);
  }
  const { currency: _currency, ...metrics } = compute({ from: query.from, to: query.to });
  return {
    currency,
    timezone: settings.timezone,
    source,
    ...metrics,
    ...(query.granularity
      ? {
          granularity: query.granularity,
          series: periods.map((period) => {
            const { currency: _unused, ...figures } = compute(period);
            return figures;
          }),
        }
      : {}),
  };
}

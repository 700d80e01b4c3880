import { computeArMetrics } from '../../domain/metrics/ar-metrics';
import { ValidationError } from '../../domain/errors';
import type { CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { ledgerFactsFrom } from './ledger-facts-from-records';

/**
 * AR metrics of a period in one currency (DSO, best possible DSO, ADD, CEI, countback DSO,
 * aging, bad-debt ratio, promise-kept rate, days to pay, disputes), on the tenant's calendar.
 */
export async function getMetrics(
  services: Pick<Services, 'clock' | 'settings' | 'facts'>,
  context: UseCaseContext,
  query: { from: CalendarDate; to: CalendarDate; currency?: string },
) {
  const settings = await services.settings.get(context.actor.tenantId);
  const currency = query.currency ?? settings.baseCurrency;
  if (!currency) {
    throw new ValidationError([
      { path: 'query.currency', message: 'is required when the tenant has no base currency' },
    ]);
  }
  const records = await services.facts.records(context.actor.tenantId, currency);
  const { currency: _currency, ...metrics } = computeArMetrics(
    ledgerFactsFrom(records, settings.timezone, services.clock.now()),
    currency,
    {
      from: query.from,
      to: query.to,
    },
  );
  return { currency, timezone: settings.timezone, ...metrics };
}

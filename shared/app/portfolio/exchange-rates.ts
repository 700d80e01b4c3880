import { auditor } from '../audit/auditor';
import type { ExchangeRate } from '../../domain/money/conversion';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';

/** Records a dated exchange rate for the tenant's portfolio reports. */
export async function recordExchangeRate(
  services: Pick<Services, 'clock' | 'ids' | 'exchangeRates'>,
  context: UseCaseContext,
  rate: ExchangeRate,
) {
  const tenantId = context.actor.tenantId;
  const before = await services.exchangeRates.get(tenantId, rate.from, rate.to, rate.date);
  const now = services.clock.now();
  await services.exchangeRates.put(tenantId, rate, {
    audit: [
      auditor(services.ids, context.actor, now)(
        'exchange_rate',
        'exchange_rates',
        before ? 'exchange_rate.replaced' : 'exchange_rate.recorded',
        before ?? null,
        rate,
      ),
    ],
    idempotency: context.idempotency && { ...context.idempotency, body: rate },
  });
  return rate;
}

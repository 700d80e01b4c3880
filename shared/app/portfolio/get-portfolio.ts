import { agingAt, currentAt, outstandingAt } from '../../domain/metrics/receivables';
import { convert } from '../../domain/money/conversion';
import { money } from '../../domain/money/money';
import { localDate, type CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { ledgerFactsFrom } from '../metrics/ledger-facts-from-records';

/**
 * The tenant's receivables as of a date: per currency (outstanding, overdue, aging), and a total
 * in one currency only through explicit, dated exchange rates, each shown with its date. A
 * currency without a rate is listed as unconverted, never guessed.
 */
export async function getPortfolio(
  services: Pick<Services, 'clock' | 'settings' | 'facts' | 'exchangeRates'>,
  context: UseCaseContext,
  query: { asOf?: CalendarDate; convertTo?: string },
) {
  const tenantId = context.actor.tenantId;
  const settings = await services.settings.get(tenantId);
  const asOf = query.asOf ?? localDate(services.clock.now(), settings.timezone);
  const target = query.convertTo ?? settings.baseCurrency;
  const currencies = await services.facts.currencies(tenantId);
  const books = await Promise.all(
    currencies.map(async (currency) => {
      const facts = ledgerFactsFrom(await services.facts.records(tenantId, currency), settings.timezone);
      const owed = outstandingAt(facts, currency, asOf);
      return {
        currency,
        outstanding: owed,
        overdue: owed - currentAt(facts, currency, asOf),
        aging: agingAt(facts, currency, asOf),
      };
    }),
  );
  if (!target) return { asOf, timezone: settings.timezone, currencies: books };
  let outstanding = 0;
  let overdue = 0;
  const conversions = [];
  const missingRates = [];
  for (const book of books) {
    if (book.currency === target) {
      outstanding += book.outstanding;
      overdue += book.overdue;
      continue;
    }
    const rate = await services.exchangeRates.effective(tenantId, book.currency, target, asOf);
    if (!rate) {
      missingRates.push({
        from: book.currency,
        to: target,
        reason: `no ${book.currency}→${target} rate dated on or before ${asOf}`,
      });
      continue;
    }
    const converted = convert(money(book.outstanding, book.currency), rate).amount;
    const convertedOverdue = convert(money(book.overdue, book.currency), rate).amount;
    outstanding += converted;
    overdue += convertedOverdue;
    conversions.push({
      from: book.currency,
      rate: rate.rate,
      rateDate: rate.date,
      outstanding: converted,
      overdue: convertedOverdue,
    });
  }
  return {
    asOf,
    timezone: settings.timezone,
    currencies: books,
    total: {
      currency: target,
      outstanding,
      overdue,
      conversions,
      missingRates,
      complete: missingRates.length === 0,
    },
  };
}

/**
 * The cash forecast of a currency from the tenant's money records (see the domain module for the
 * rules), and its record: on Mondays the forecast is kept, so each week's expectation can later be
 * set against what came in (collections less bounced payments, from the day aggregates).
 */
import {
  cashForecast,
  forecastError,
  mondayOf,
  type CashForecast,
  type ForecastInstallment,
  type ForecastPromise,
  type PaidHistory,
} from '../../domain/forecast/cash-forecast';
import { outstanding } from '../../domain/invoices/invoice';
import { dailyPositions } from '../../domain/metrics/rollup-metrics';
import { allocationEffectiveAt } from '../../domain/payments/payment';
import { promiseLastDay } from '../../domain/promises/promise';
import { addDays, daysBetween, localDate, type CalendarDate } from '../../domain/time/calendar-date';
import { ValidationError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { evaluateStoredPlan } from '../plans/plan-evaluation';
import { recordsByDebtor } from '../metrics/records-by-debtor';

type ForecastServices = Pick<Services, 'clock' | 'settings' | 'facts' | 'receivableDays' | 'forecasts'>;

/** Weeks of accuracy shown with a forecast. */
const ACCURACY_WEEKS = 8;

export async function forecastCash(
  services: Pick<Services, 'clock' | 'settings' | 'facts'>,
  tenantId: string,
  currency: string,
  asOf: CalendarDate,
): Promise<CashForecast> {
  const { timezone } = await services.settings.get(tenantId);
  const records = await services.facts.records(tenantId, currency);
  const dueDates = new Map(records.invoices.map((invoice) => [invoice.id, invoice.dueDate]));
  const history: PaidHistory[] = records.payments
    .filter((payment) => payment.status === 'applied')
    .flatMap((payment) =>
      payment.allocations.map((allocation) => ({
        debtorId: payment.debtorId,
        amount: allocation.amount,
        daysAfterDue: daysBetween(
          dueDates.get(allocation.invoiceId) ?? asOf,
          localDate(new Date(allocationEffectiveAt(payment, allocation)), timezone),
        ),
      })),
    );
  const promises: ForecastPromise[] = records.promises
    .filter((promise) => promise.status === 'pending' && promiseLastDay(promise) >= asOf)
    .map((promise) => ({
      debtorId: promise.debtorId,
      amount: promise.amount,
      lastDay: promiseLastDay(promise),
    }));
  const now = services.clock.now();
  const books = recordsByDebtor(records);
  const installments: ForecastInstallment[] = records.plans
    .filter((plan) => plan.status === 'active')
    .flatMap((plan) => {
      const own = books.get(plan.debtorId)?.payments ?? [];
      return evaluateStoredPlan(plan, own, now, timezone)
        .installments.filter((installment) => installment.remaining > 0)
        .map((installment) => ({
          debtorId: plan.debtorId,
          remaining: installment.remaining,
          dueDate: installment.dueDate,
        }));
    });
  return cashForecast({
    currency,
    asOf,
    invoices: records.invoices.map((invoice) => ({
      id: invoice.id,
      debtorId: invoice.debtorId,
      outstanding: outstanding(invoice),
      dueDate: invoice.dueDate,
      disputed: invoice.openDisputeId !== undefined,
      ...(invoice.planId ? { planId: invoice.planId } : {}),
    })),
    promises,
    installments,
    history,
  });
}

/** Monday's job: keep the forecast made at the start of the week, per currency. */
export async function recordWeeklyForecast(
  services: ForecastServices,
  tenantId: string,
  monday: CalendarDate,
) {
  for (const currency of await services.facts.currencies(tenantId)) {
    const forecast = await forecastCash(services, tenantId, currency, monday);
    await services.forecasts.put(tenantId, forecast, services.clock.now().toISOString());
  }
}

/** `GET /v1/forecast`: the next 13 weeks, and how the forecasts of past weeks compared with what came in. */
export async function getForecast(
  services: ForecastServices,
  context: UseCaseContext,
  query: { currency?: string },
) {
  const tenantId = context.actor.tenantId;
  const settings = await services.settings.get(tenantId);
  const currency = query.currency ?? settings.baseCurrency;
  if (!currency) {
    throw new ValidationError([
      { path: 'query.currency', message: 'is required when the tenant has no base currency' },
    ]);
  }
  const today = localDate(services.clock.now(), settings.timezone);
  const forecast = await forecastCash(services, tenantId, currency, today);
  const thisMonday = mondayOf(today);
  const firstWeek = addDays(thisMonday, -7 * ACCURACY_WEEKS);
  const lastSunday = addDays(thisMonday, -1);
  const recorded = await services.forecasts.list(tenantId, currency, firstWeek, addDays(thisMonday, -7));
  const days = await services.receivableDays.days(tenantId, currency, lastSunday);
  const positions = firstWeek <= lastSunday ? dailyPositions(days, currency, firstWeek, lastSunday) : [];
  const accuracy = recorded.map((snapshot) => {
    const week = snapshot.weeks[0]!;
    const actual = positions
      .filter((position) => position.date >= week.from && position.date <= week.to)
      .reduce((sum, position) => sum + position.collections - position.reversals, 0);
    return {
      from: week.from,
      to: week.to,
      expected: week.expected,
      actual,
      errorPercent: forecastError(week.expected, actual),
    };
  });
  return { ...forecast, accuracy };
}

import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { calendarDate, currencyCode, minorUnits } from './common';

export const forecastQuery = z.strictObject({
  currency: withMeta(z.optional(currencyCode), { description: "Default: the tenant's base currency" }),
});

const week = z.object({
  from: calendarDate,
  to: calendarDate,
  expected: minorUnits,
  fromPromises: minorUnits,
  fromPlans: minorUnits,
  fromInvoices: minorUnits,
});

export const forecastView = withMeta(
  z.object({
    currency: currencyCode,
    asOf: calendarDate,
    weeks: withMeta(z.array(week), { description: '13 weeks, Monday to Sunday, the first holding today' }),
    later: withMeta(minorUnits, { description: 'Expected after the 13th week' }),
    doubtful: withMeta(minorUnits, { description: 'Disputed, or more than 90 days past due: not expected' }),
    accuracy: withMeta(
      z.array(
        z.object({
          from: calendarDate,
          to: calendarDate,
          expected: minorUnits,
          actual: withMeta(z.int(), { description: 'Collections less bounced payments of the week' }),
          errorPercent: z.nullable(z.number()),
        }),
      ),
      { description: 'Past weeks: the forecast made on their Monday against what came in' },
    ),
  }),
  { id: 'CashForecast' },
);

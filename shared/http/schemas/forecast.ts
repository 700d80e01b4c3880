import * as z from 'zod';
import { calendarDate, currencyCode, minorUnits } from './common';

export const forecastQuery = z.strictObject({
  currency: currencyCode.optional().meta({ description: "Default: the tenant's base currency" }),
});

const week = z.object({
  from: calendarDate,
  to: calendarDate,
  expected: minorUnits,
  fromPromises: minorUnits,
  fromPlans: minorUnits,
  fromInvoices: minorUnits,
});

export const forecastView = z
  .object({
    currency: currencyCode,
    asOf: calendarDate,
    weeks: z.array(week).meta({ description: '13 weeks, Monday to Sunday, the first holding today' }),
    later: minorUnits.meta({ description: 'Expected after the 13th week' }),
    doubtful: minorUnits.meta({ description: 'Disputed, or more than 90 days past due: not expected' }),
    accuracy: z
      .array(
        z.object({
          from: calendarDate,
          to: calendarDate,
          expected: minorUnits,
          actual: z.int().meta({ description: 'Collections less bounced payments of the week' }),
          errorPercent: z.number().nullable(),
        }),
      )
      .meta({ description: 'Past weeks: the forecast made on their Monday against what came in' }),
  })
  .meta({ id: 'CashForecast' });

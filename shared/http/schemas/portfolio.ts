import * as z from 'zod';
import { isRate } from '../../domain/money/conversion';
import { calendarDate, currencyCode, minorUnits, shortText } from './common';

export const exchangeRateBody = z
  .strictObject({
    from: currencyCode,
    to: currencyCode,
    rate: z.string().refine(isRate, 'must be a positive decimal such as 1.0842').meta({ example: '1.0842' }),
    date: calendarDate.meta({ description: 'The day the rate applies from' }),
    source: shortText(100).optional().meta({ example: 'ECB reference rate' }),
  })
  .refine((rate) => rate.from !== rate.to, { path: ['to'], message: 'must differ from from' })
  .meta({ id: 'ExchangeRate' });

export const exchangeRateView = z
  .object({
    from: currencyCode,
    to: currencyCode,
    rate: z.string(),
    date: calendarDate,
    source: z.string().optional(),
  })
  .meta({ id: 'ExchangeRateRecord' });

export const portfolioQuery = z.strictObject({
  asOf: calendarDate.optional(),
  convertTo: currencyCode.optional().meta({ description: "Default: the tenant's base currency" }),
});

const aging = z.object({
  current: minorUnits,
  d1_30: minorUnits,
  d31_60: minorUnits,
  d61_90: minorUnits,
  d90_plus: minorUnits,
});

export const portfolioView = z
  .object({
    asOf: calendarDate,
    timezone: z.string(),
    currencies: z.array(
      z.object({ currency: currencyCode, outstanding: minorUnits, overdue: minorUnits, aging }),
    ),
    total: z
      .object({
        currency: currencyCode,
        outstanding: minorUnits,
        overdue: minorUnits,
        conversions: z.array(
          z.object({
            from: currencyCode,
            rate: z.string(),
            rateDate: calendarDate,
            outstanding: minorUnits,
            overdue: minorUnits,
          }),
        ),
        missingRates: z.array(z.object({ from: currencyCode, to: currencyCode, reason: z.string() })),
        complete: z.boolean(),
      })
      .optional(),
  })
  .meta({ id: 'Portfolio' });

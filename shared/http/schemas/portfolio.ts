import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { isRate } from '../../domain/money/conversion';
import { calendarDate, currencyCode, minorUnits, shortText } from './common';

export const exchangeRateBody = withMeta(
  z
    .strictObject({
      from: currencyCode,
      to: currencyCode,
      rate: withMeta(z.string().check(z.refine(isRate, 'must be a positive decimal such as 1.0842')), {
        example: '1.0842',
      }),
      date: withMeta(calendarDate, { description: 'The day the rate applies from' }),
      source: withMeta(z.optional(shortText(100)), { example: 'ECB reference rate' }),
    })
    .check(z.refine((rate) => rate.from !== rate.to, { path: ['to'], message: 'must differ from from' })),
  { id: 'ExchangeRate' },
);

export const exchangeRateView = withMeta(
  z.object({
    from: currencyCode,
    to: currencyCode,
    rate: z.string(),
    date: calendarDate,
    source: z.optional(z.string()),
  }),
  { id: 'ExchangeRateRecord' },
);

export const portfolioQuery = z.strictObject({
  asOf: z.optional(calendarDate),
  convertTo: withMeta(z.optional(currencyCode), { description: "Default: the tenant's base currency" }),
});

const aging = z.object({
  current: minorUnits,
  d1_30: minorUnits,
  d31_60: minorUnits,
  d61_90: minorUnits,
  d90_plus: minorUnits,
});

export const portfolioView = withMeta(
  z.object({
    asOf: calendarDate,
    timezone: z.string(),
    currencies: z.array(
      z.object({ currency: currencyCode, outstanding: minorUnits, overdue: minorUnits, aging }),
    ),
    total: z.optional(
      z.object({
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
      }),
    ),
  }),
  { id: 'Portfolio' },
);

import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { calendarDate, currencyCode, minorUnits } from './common';

export const metricsQuery = z
  .strictObject({
    from: calendarDate,
    to: calendarDate,
    currency: withMeta(z.optional(currencyCode), { description: "Default: the tenant's base currency" }),
    granularity: withMeta(z.optional(z.enum(['day', 'month'])), {
      description: 'Also answer the series: the figures of each day or calendar month of the period',
    }),
    source: withMeta(z.optional(z.enum(['aggregates', 'ledger'])), {
      description:
        'aggregates (default): from the day aggregates, one query whatever the size of the book; ledger: recomputed from every money record',
    }),
  })
  .check(z.refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' }));

const figure = z.nullable(z.number());

const figures = {
  period: z.object({ from: calendarDate, to: calendarDate }),
  inputs: z.object({
    days: z.number().check(z.int()),
    arBegin: minorUnits,
    creditSales: minorUnits,
    arEnd: minorUnits,
    currentEnd: minorUnits,
    collections: minorUnits,
    reversals: minorUnits,
    creditNotes: minorUnits,
    writeOffs: minorUnits,
  }),
  dso: figure,
  bestPossibleDso: figure,
  averageDaysDelinquent: figure,
  cei: figure,
  countbackDso: figure,
  badDebtRatio: figure,
  promiseKeptRate: figure,
  averageDaysToPay: figure,
  aging: z.object({
    current: minorUnits,
    d1_30: minorUnits,
    d31_60: minorUnits,
    d61_90: minorUnits,
    d90_plus: minorUnits,
  }),
  promises: z.object({
    kept: z.number().check(z.int()),
    broken: z.number().check(z.int()),
    pending: z.number().check(z.int()),
  }),
  disputes: z.object({
    opened: z.number().check(z.int()),
    resolved: z.number().check(z.int()),
    averageDaysToResolve: figure,
  }),
  notes: withMeta(z.record(z.string(), z.string()), { description: 'Why a figure is null' }),
};

export const metricsView = withMeta(
  z.object({
    currency: currencyCode,
    timezone: z.string(),
    source: z.enum(['aggregates', 'ledger']),
    ...figures,
    granularity: z.optional(z.enum(['day', 'month'])),
    series: withMeta(z.optional(z.array(z.object(figures))), {
      description: 'With a granularity: the figures of each day or month of the period, oldest first',
    }),
  }),
  { id: 'Metrics' },
);

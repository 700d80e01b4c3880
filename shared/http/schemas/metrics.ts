import * as z from 'zod';
import { calendarDate, currencyCode, minorUnits } from './common';

export const metricsQuery = z
  .strictObject({
    from: calendarDate,
    to: calendarDate,
    currency: currencyCode.optional().meta({ description: "Default: the tenant's base currency" }),
    granularity: z.enum(['day', 'month']).optional().meta({
      description: 'Also answer the series: the figures of each day or calendar month of the period',
    }),
    source: z.enum(['aggregates', 'ledger']).optional().meta({
      description:
        'aggregates (default): from the day aggregates, one query whatever the size of the book; ledger: recomputed from every money record',
    }),
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' });

const figure = z.number().nullable();

const figures = {
  period: z.object({ from: calendarDate, to: calendarDate }),
  inputs: z.object({
    days: z.number().int(),
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
  promises: z.object({ kept: z.number().int(), broken: z.number().int(), pending: z.number().int() }),
  disputes: z.object({
    opened: z.number().int(),
    resolved: z.number().int(),
    averageDaysToResolve: figure,
  }),
  notes: z.record(z.string(), z.string()).meta({ description: 'Why a figure is null' }),
};

export const metricsView = z
  .object({
    currency: currencyCode,
    timezone: z.string(),
    source: z.enum(['aggregates', 'ledger']),
    ...figures,
    granularity: z.enum(['day', 'month']).optional(),
    series: z.array(z.object(figures)).optional().meta({
      description: 'With a granularity: the figures of each day or month of the period, oldest first',
    }),
  })
  .meta({ id: 'Metrics' });

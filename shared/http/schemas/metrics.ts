import * as z from 'zod';
import { calendarDate, currencyCode, minorUnits } from './common';

export const metricsQuery = z
  .strictObject({
    from: calendarDate,
    to: calendarDate,
    currency: currencyCode.optional().meta({ description: "Default: the tenant's base currency" }),
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' });

const figure = z.number().nullable();

export const metricsView = z
  .object({
    currency: currencyCode,
    timezone: z.string(),
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
  })
  .meta({ id: 'Metrics' });

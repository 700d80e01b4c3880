import * as z from 'zod';
import { calendarDate, currencyCode, idOf, minorUnits, positiveMinorUnits, shortText } from './common';

export const createPromiseBody = z
  .strictObject({
    currency: currencyCode,
    amount: positiveMinorUnits,
    dueDate: calendarDate,
    graceDays: z.number().int().min(0).max(30).default(0),
    note: shortText(500).optional(),
  })
  .meta({ id: 'CreatePromise' });

export const promiseView = z
  .object({
    id: idOf('prm'),
    debtorId: idOf('dbt'),
    currency: currencyCode,
    amount: minorUnits,
    dueDate: calendarDate,
    graceDays: z.number().int(),
    status: z.enum(['pending', 'kept', 'broken', 'cancelled']),
    note: z.string().optional(),
    createdAt: z.string(),
    createdBy: z.string(),
    resolvedAt: z.string().optional(),
    amountPaid: minorUnits.optional(),
    shortfall: minorUnits.optional(),
    partial: z.boolean().optional(),
    deadline: z.string().optional().meta({ description: 'End of due date + grace, debtor local time' }),
    version: z.number().int(),
  })
  .meta({ id: 'Promise' });

export const createPlanBody = z
  .strictObject({
    invoiceIds: z.array(idOf('inv')).min(1).max(40),
    installments: z.number().int().min(1).max(520),
    frequency: z.enum(['weekly', 'monthly']),
    firstDueDate: calendarDate,
    graceDays: z.number().int().min(0).max(30).default(0),
  })
  .refine((body) => new Set(body.invoiceIds).size === body.invoiceIds.length, {
    path: ['invoiceIds'],
    message: 'must not repeat an invoice',
  })
  .meta({ id: 'CreatePlan' });

export const planView = z
  .object({
    id: idOf('pln'),
    debtorId: idOf('dbt'),
    invoiceIds: z.array(idOf('inv')),
    currency: currencyCode,
    total: minorUnits,
    frequency: z.enum(['weekly', 'monthly']),
    graceDays: z.number().int(),
    status: z.enum(['active', 'completed', 'broken', 'cancelled']),
    paid: minorUnits.optional(),
    remaining: minorUnits.optional(),
    nextDeadline: z.string().nullable().optional(),
    schedule: z.array(
      z.object({
        sequence: z.number().int(),
        dueDate: calendarDate,
        currency: currencyCode,
        amount: minorUnits,
        status: z.enum(['paid', 'partially_paid', 'pending', 'missed']).optional(),
        paid: minorUnits.optional(),
        late: z.boolean().optional(),
      }),
    ),
    createdAt: z.string(),
    createdBy: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'PaymentPlan' });

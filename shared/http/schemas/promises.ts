import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { calendarDate, currencyCode, idOf, minorUnits, positiveMinorUnits, shortText } from './common';

export const cancelBody = withMeta(z.strictObject({ reason: shortText(500) }), { id: 'Cancel' });

const cancellation = withMeta(z.optional(z.object({ by: z.string(), reason: z.string() })), {
  description: 'Who cancelled it, and why',
});

export const promiseParams = z.strictObject({ id: idOf('dbt'), promiseId: idOf('prm') });
export const planParams = z.strictObject({ id: idOf('dbt'), planId: idOf('pln') });

export const createPromiseBody = withMeta(
  z.strictObject({
    currency: currencyCode,
    amount: positiveMinorUnits,
    dueDate: calendarDate,
    graceDays: z._default(z.number().check(z.int(), z.gte(0), z.lte(30)), 0),
    note: z.optional(shortText(500)),
  }),
  { id: 'CreatePromise' },
);

export const promiseView = withMeta(
  z.object({
    id: idOf('prm'),
    debtorId: idOf('dbt'),
    currency: currencyCode,
    amount: minorUnits,
    dueDate: calendarDate,
    graceDays: z.number().check(z.int()),
    status: z.enum(['pending', 'kept', 'broken', 'cancelled']),
    note: z.optional(z.string()),
    createdAt: z.string(),
    createdBy: z.string(),
    resolvedAt: z.optional(z.string()),
    amountPaid: z.optional(minorUnits),
    shortfall: z.optional(minorUnits),
    partial: z.optional(z.boolean()),
    deadline: withMeta(z.optional(z.string()), { description: 'End of due date + grace, debtor local time' }),
    cancellation,
    version: z.number().check(z.int()),
  }),
  { id: 'Promise' },
);

export const createPlanBody = withMeta(
  z
    .strictObject({
      invoiceIds: z.array(idOf('inv')).check(z.minLength(1), z.maxLength(40)),
      installments: z.number().check(z.int(), z.gte(1), z.lte(520)),
      frequency: z.enum(['weekly', 'monthly']),
      firstDueDate: calendarDate,
      graceDays: z._default(z.number().check(z.int(), z.gte(0), z.lte(30)), 0),
    })
    .check(
      z.refine((body) => new Set(body.invoiceIds).size === body.invoiceIds.length, {
        path: ['invoiceIds'],
        message: 'must not repeat an invoice',
      }),
    ),
  { id: 'CreatePlan' },
);

export const planView = withMeta(
  z.object({
    id: idOf('pln'),
    debtorId: idOf('dbt'),
    invoiceIds: z.array(idOf('inv')),
    currency: currencyCode,
    total: minorUnits,
    frequency: z.enum(['weekly', 'monthly']),
    graceDays: z.number().check(z.int()),
    status: z.enum(['active', 'completed', 'broken', 'cancelled']),
    paid: z.optional(minorUnits),
    remaining: z.optional(minorUnits),
    nextDeadline: z.optional(z.nullable(z.string())),
    schedule: z.array(
      z.object({
        sequence: z.number().check(z.int()),
        dueDate: calendarDate,
        currency: currencyCode,
        amount: minorUnits,
        status: z.optional(z.enum(['paid', 'partially_paid', 'pending', 'missed'])),
        paid: z.optional(minorUnits),
        late: z.optional(z.boolean()),
      }),
    ),
    createdAt: z.string(),
    createdBy: z.string(),
    endedAt: z.optional(z.string()),
    cancellation,
    version: z.number().check(z.int()),
  }),
  { id: 'PaymentPlan' },
);

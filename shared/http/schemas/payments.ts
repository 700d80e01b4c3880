import * as z from 'zod';
import { currencyCode, idOf, instant, minorUnits, pageQuery, positiveMinorUnits, shortText } from './common';

const allocation = z.strictObject({ invoiceId: idOf('inv'), amount: positiveMinorUnits });

export const createPaymentBody = z
  .strictObject({
    debtorId: idOf('dbt'),
    currency: currencyCode,
    amount: positiveMinorUnits,
    receivedAt: instant,
    allocations: z.array(allocation).min(1).max(40).optional().meta({
      description:
        'Explicit allocation (remittance advice); without it, oldest due date first. The rest is unapplied credit.',
    }),
    chargeAllocations: z
      .array(z.strictObject({ chargeId: idOf('chg'), amount: positiveMinorUnits }))
      .min(1)
      .max(20)
      .optional()
      .meta({
        description: 'Interest, compensation or fee charges this payment is for; paid before invoices',
      }),
    method: z.enum(['bank_transfer', 'card', 'direct_debit', 'cash', 'cheque', 'other']).optional(),
    reference: shortText(140).optional(),
  })
  .meta({ id: 'CreatePayment' });

export const reversePaymentBody = z
  .strictObject({ reason: shortText(500).meta({ example: 'Returned by the bank: insufficient funds' }) })
  .meta({ id: 'ReversePayment' });

export const listPaymentsQuery = z.strictObject({ ...pageQuery });

export const paymentView = z
  .object({
    id: idOf('pay'),
    debtorId: idOf('dbt'),
    currency: currencyCode,
    amount: minorUnits,
    receivedAt: z.string(),
    method: z.string().optional(),
    reference: z.string().optional(),
    allocations: z.array(z.object({ invoiceId: idOf('inv'), amount: minorUnits, appliedAt: z.string() })),
    chargeAllocations: z
      .array(z.object({ chargeId: z.string(), amount: minorUnits, appliedAt: z.string() }))
      .optional()
      .meta({ description: 'Applied to interest and charges after the invoices were settled' }),
    unapplied: minorUnits.meta({
      description: 'Kept as credit and applied to the next invoice in this currency',
    }),
    status: z.enum(['applied', 'reversed']),
    reversedAt: z.string().optional(),
    reversalReason: z.string().optional(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Payment' });

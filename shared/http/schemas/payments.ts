import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { currencyCode, idOf, instant, minorUnits, pageQuery, positiveMinorUnits, shortText } from './common';

const allocation = z.strictObject({ invoiceId: idOf('inv'), amount: positiveMinorUnits });

export const createPaymentBody = withMeta(
  z.strictObject({
    debtorId: idOf('dbt'),
    currency: currencyCode,
    amount: positiveMinorUnits,
    receivedAt: instant,
    allocations: withMeta(z.optional(z.array(allocation).check(z.minLength(1), z.maxLength(40))), {
      description:
        'Explicit allocation (remittance advice); without it, oldest due date first. The rest is unapplied credit.',
    }),
    chargeAllocations: withMeta(
      z.optional(
        z
          .array(z.strictObject({ chargeId: idOf('chg'), amount: positiveMinorUnits }))
          .check(z.minLength(1), z.maxLength(20)),
      ),
      {
        description: 'Interest, compensation or fee charges this payment is for; paid before invoices',
      },
    ),
    method: z.optional(z.enum(['bank_transfer', 'card', 'direct_debit', 'cash', 'cheque', 'other'])),
    reference: z.optional(shortText(140)),
  }),
  { id: 'CreatePayment' },
);

export const reversePaymentBody = withMeta(
  z.strictObject({
    reason: withMeta(shortText(500), { example: 'Returned by the bank: insufficient funds' }),
  }),
  { id: 'ReversePayment' },
);

export const listPaymentsQuery = z.strictObject({ ...pageQuery });

export const paymentView = withMeta(
  z.object({
    id: idOf('pay'),
    debtorId: idOf('dbt'),
    currency: currencyCode,
    amount: minorUnits,
    receivedAt: z.string(),
    method: z.optional(z.string()),
    reference: z.optional(z.string()),
    allocations: z.array(z.object({ invoiceId: idOf('inv'), amount: minorUnits, appliedAt: z.string() })),
    chargeAllocations: withMeta(
      z.optional(z.array(z.object({ chargeId: z.string(), amount: minorUnits, appliedAt: z.string() }))),
      { description: 'Applied to interest and charges after the invoices were settled' },
    ),
    unapplied: withMeta(minorUnits, {
      description: 'Kept as credit and applied to the next invoice in this currency',
    }),
    status: z.enum(['applied', 'reversed']),
    reversedAt: z.optional(z.string()),
    reversalReason: z.optional(z.string()),
    version: z.number().check(z.int()),
    createdAt: z.string(),
  }),
  { id: 'Payment' },
);

import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { currencyCode, idOf, minorUnits, pageQuery, positiveMinorUnits, shortText } from './common';
import { invoiceView } from './invoices';

export const writeOffBody = withMeta(
  z.strictObject({
    reason: withMeta(shortText(500), { example: 'Customer insolvent; claim filed with the administrator' }),
    amount: withMeta(z.optional(positiveMinorUnits), { description: 'Default: everything outstanding' }),
  }),
  { id: 'WriteOff' },
);

export const creditNoteBody = withMeta(
  z.strictObject({ amount: positiveMinorUnits, reason: shortText(500) }),
  { id: 'CreateCreditNote' },
);

export const adjustmentView = withMeta(
  z.object({
    id: z.string(),
    debtorId: idOf('dbt'),
    invoiceId: idOf('inv'),
    kind: z.enum(['credit_note', 'write_off']),
    currency: currencyCode,
    amount: minorUnits,
    reason: z.string(),
    requestedBy: z.string(),
    approvedBy: z.optional(z.string()),
    disputeId: z.optional(z.string()),
    createdAt: z.string(),
    invoice: z.optional(invoiceView),
  }),
  { id: 'Adjustment' },
);

export const approvalView = withMeta(
  z.object({
    id: idOf('apr'),
    kind: z.enum(['write_off', 'credit_note', 'dispute_credit', 'charge_waiver']),
    status: z.enum(['pending', 'approved', 'rejected']),
    debtorId: idOf('dbt'),
    invoiceId: idOf('inv'),
    disputeId: z.optional(z.string()),
    chargeId: z.optional(z.string()),
    currency: currencyCode,
    amount: minorUnits,
    reason: z.string(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedBy: z.optional(z.string()),
    decidedAt: z.optional(z.string()),
    decisionNote: z.optional(z.string()),
    adjustmentId: z.optional(z.string()),
    version: z.number().check(z.int()),
  }),
  { id: 'Approval', description: 'A four-eyes request: a second person must decide it' },
);

export const decisionBody = withMeta(z.strictObject({ note: z.optional(shortText(500)) }), {
  id: 'ApprovalDecision',
});

export const listApprovalsQuery = z.strictObject({
  ...pageQuery,
  status: z._default(z.enum(['pending', 'approved', 'rejected']), 'pending'),
});

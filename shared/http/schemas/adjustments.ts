import * as z from 'zod';
import { currencyCode, idOf, minorUnits, pageQuery, positiveMinorUnits, shortText } from './common';
import { invoiceView } from './invoices';

export const writeOffBody = z
  .strictObject({
    reason: shortText(500).meta({ example: 'Customer insolvent; claim filed with the administrator' }),
    amount: positiveMinorUnits.optional().meta({ description: 'Default: everything outstanding' }),
  })
  .meta({ id: 'WriteOff' });

export const creditNoteBody = z
  .strictObject({ amount: positiveMinorUnits, reason: shortText(500) })
  .meta({ id: 'CreateCreditNote' });

export const adjustmentView = z
  .object({
    id: z.string(),
    debtorId: idOf('dbt'),
    invoiceId: idOf('inv'),
    kind: z.enum(['credit_note', 'write_off']),
    currency: currencyCode,
    amount: minorUnits,
    reason: z.string(),
    requestedBy: z.string(),
    approvedBy: z.string().optional(),
    disputeId: z.string().optional(),
    createdAt: z.string(),
    invoice: invoiceView.optional(),
  })
  .meta({ id: 'Adjustment' });

export const approvalView = z
  .object({
    id: idOf('apr'),
    kind: z.enum(['write_off', 'credit_note', 'dispute_credit', 'charge_waiver']),
    status: z.enum(['pending', 'approved', 'rejected']),
    debtorId: idOf('dbt'),
    invoiceId: idOf('inv'),
    disputeId: z.string().optional(),
    chargeId: z.string().optional(),
    currency: currencyCode,
    amount: minorUnits,
    reason: z.string(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    decisionNote: z.string().optional(),
    adjustmentId: z.string().optional(),
    version: z.number().int(),
  })
  .meta({ id: 'Approval', description: 'A four-eyes request: a second person must decide it' });

export const decisionBody = z
  .strictObject({ note: shortText(500).optional() })
  .meta({ id: 'ApprovalDecision' });

export const listApprovalsQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
});

import * as z from 'zod';
import { idOf, minorUnits, positiveMinorUnits, shortText } from './common';

export const openDisputeBody = z
  .strictObject({ reason: shortText(1000).meta({ example: 'Goods delivered damaged' }) })
  .meta({ id: 'OpenDispute' });

export const resolveDisputeBody = z
  .strictObject({
    outcome: z.enum(['upheld', 'rejected']),
    creditAmount: positiveMinorUnits
      .optional()
      .meta({ description: 'Upheld: the amount conceded; default all outstanding' }),
    note: shortText(1000).optional(),
  })
  .refine((body) => body.outcome === 'upheld' || body.creditAmount === undefined, {
    path: ['creditAmount'],
    message: 'only applies when the dispute is upheld',
  })
  .meta({ id: 'ResolveDispute' });

export const disputeView = z
  .object({
    id: idOf('dsp'),
    debtorId: idOf('dbt'),
    invoiceId: idOf('inv'),
    reason: z.string(),
    status: z.enum(['open', 'upheld', 'rejected']),
    openedAt: z.string(),
    openedBy: z.string(),
    resolvedAt: z.string().optional(),
    resolvedBy: z.string().optional(),
    resolutionNote: z.string().optional(),
    creditAmount: minorUnits.optional(),
    hoursToResolve: z.number().int().optional(),
    version: z.number().int(),
  })
  .meta({ id: 'Dispute' });

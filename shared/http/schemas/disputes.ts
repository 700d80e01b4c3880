import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { idOf, minorUnits, positiveMinorUnits, shortText } from './common';

export const openDisputeBody = withMeta(
  z.strictObject({ reason: withMeta(shortText(1000), { example: 'Goods delivered damaged' }) }),
  { id: 'OpenDispute' },
);

export const resolveDisputeBody = withMeta(
  z
    .strictObject({
      outcome: z.enum(['upheld', 'rejected']),
      creditAmount: withMeta(z.optional(positiveMinorUnits), {
        description: 'Upheld: the amount conceded; default all outstanding',
      }),
      note: z.optional(shortText(1000)),
    })
    .check(
      z.refine((body) => body.outcome === 'upheld' || body.creditAmount === undefined, {
        path: ['creditAmount'],
        message: 'only applies when the dispute is upheld',
      }),
    ),
  { id: 'ResolveDispute' },
);

export const disputeView = withMeta(
  z.object({
    id: idOf('dsp'),
    debtorId: idOf('dbt'),
    invoiceId: idOf('inv'),
    reason: z.string(),
    status: z.enum(['open', 'upheld', 'rejected']),
    openedAt: z.string(),
    openedBy: z.string(),
    resolvedAt: z.optional(z.string()),
    resolvedBy: z.optional(z.string()),
    resolutionNote: z.optional(z.string()),
    creditAmount: z.optional(minorUnits),
    hoursToResolve: z.optional(z.number().check(z.int())),
    version: z.number().check(z.int()),
  }),
  { id: 'Dispute' },
);

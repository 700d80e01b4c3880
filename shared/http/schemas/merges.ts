import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { MOVED_KINDS } from '../../domain/debtors/merge/debtor-merge';
import { MATCH_FIELDS } from '../../domain/debtors/duplicates/match-keys';
import { currencyCode, idOf, minorUnits, shortText } from './common';
import { debtorView } from './debtors';

export const duplicatesView = withMeta(
  z.object({
    items: z.array(
      z.object({
        debtor: debtorView,
        score: withMeta(z.number().check(z.int(), z.gte(0), z.lte(100)), {
          description: '0–100: how likely the two are one',
        }),
        reasons: z.array(
          z.object({
            field: z.enum([...MATCH_FIELDS, 'name']),
            points: z.number().check(z.int()),
            detail: z.string(),
          }),
        ),
      }),
    ),
  }),
  { id: 'DuplicateCandidates' },
);

export const mergeDebtorsBody = withMeta(
  z.strictObject({
    duplicateId: withMeta(idOf('dbt'), { description: 'The debtor whose records move into this one' }),
  }),
  { id: 'MergeDebtors' },
);

export const reverseMergeBody = withMeta(z.strictObject({ reason: shortText(500) }), { id: 'ReverseMerge' });

const balances = z.array(z.object({ currency: currencyCode, outstanding: minorUnits }));

export const mergeView = withMeta(
  z.object({
    id: idOf('mrg'),
    survivorId: idOf('dbt'),
    duplicateId: idOf('dbt'),
    status: z.enum(['in_progress', 'completed', 'reversing', 'undoing_reversal', 'reversed']),
    records: withMeta(z.array(z.object({ kind: z.enum(MOVED_KINDS), id: z.string() })), {
      description: 'Every record that moved (activities: copied) from the duplicate',
    }),
    moved: z.record(z.string(), z.number().check(z.int())),
    movedCredit: z.record(z.string(), minorUnits),
    balancesBefore: z.object({ survivor: balances, duplicate: balances }),
    movedCount: withMeta(z.number().check(z.int()), {
      description: 'Records moved so far (in the current direction)',
    }),
    requestedBy: z.string(),
    createdAt: z.string(),
    completedAt: z.optional(z.string()),
    reversibleUntil: z.optional(z.string()),
    reversedAt: z.optional(z.string()),
    reversedBy: z.optional(z.string()),
    reversalReason: z.optional(z.string()),
    reversalStoppedAt: withMeta(z.optional(z.number().check(z.int())), {
      description:
        'While a stopped reversal is undone: how many records it had moved back (they return to the survivor)',
    }),
    casesHandedOver: withMeta(z.optional(z.boolean()), {
      description:
        "False while the duplicate's case is still to be closed and the survivor's woken: repeating the merge request finishes it",
    }),
    version: z.number().check(z.int()),
  }),
  { id: 'Merge' },
);

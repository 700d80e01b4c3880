import * as z from 'zod';
import { MOVED_KINDS } from '../../domain/debtors/merge/debtor-merge';
import { MATCH_FIELDS } from '../../domain/debtors/duplicates/match-keys';
import { currencyCode, idOf, minorUnits, shortText } from './common';
import { debtorView } from './debtors';

export const duplicatesView = z
  .object({
    items: z.array(
      z.object({
        debtor: debtorView,
        score: z.number().int().min(0).max(100).meta({ description: '0–100: how likely the two are one' }),
        reasons: z.array(
          z.object({
            field: z.enum([...MATCH_FIELDS, 'name']),
            points: z.number().int(),
            detail: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'DuplicateCandidates' });

export const mergeDebtorsBody = z
  .strictObject({
    duplicateId: idOf('dbt').meta({ description: 'The debtor whose records move into this one' }),
  })
  .meta({ id: 'MergeDebtors' });

export const reverseMergeBody = z.strictObject({ reason: shortText(500) }).meta({ id: 'ReverseMerge' });

const balances = z.array(z.object({ currency: currencyCode, outstanding: minorUnits }));

export const mergeView = z
  .object({
    id: idOf('mrg'),
    survivorId: idOf('dbt'),
    duplicateId: idOf('dbt'),
    status: z.enum(['in_progress', 'completed', 'reversing', 'undoing_reversal', 'reversed']),
    records: z
      .array(z.object({ kind: z.enum(MOVED_KINDS), id: z.string() }))
      .meta({ description: 'Every record that moved (activities: copied) from the duplicate' }),
    moved: z.record(z.string(), z.number().int()),
    movedCredit: z.record(z.string(), minorUnits),
    balancesBefore: z.object({ survivor: balances, duplicate: balances }),
    movedCount: z.number().int().meta({ description: 'Records moved so far (in the current direction)' }),
    requestedBy: z.string(),
    createdAt: z.string(),
    completedAt: z.string().optional(),
    reversibleUntil: z.string().optional(),
    reversedAt: z.string().optional(),
    reversedBy: z.string().optional(),
    reversalReason: z.string().optional(),
    reversalStoppedAt: z.number().int().optional().meta({
      description:
        'While a stopped reversal is undone: how many records it had moved back (they return to the survivor)',
    }),
    casesHandedOver: z.boolean().optional().meta({
      description:
        "False while the duplicate's case is still to be closed and the survivor's woken: repeating the merge request finishes it",
    }),
    version: z.number().int(),
  })
  .meta({ id: 'Merge' });

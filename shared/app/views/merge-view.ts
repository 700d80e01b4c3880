import type { DebtorMerge, MovedKind } from '../../domain/debtors/merge/debtor-merge';

/** How many records of each kind a merge moves: what the audit keeps (the ids are on the record). */
function countsByKind(merge: DebtorMerge): Partial<Record<MovedKind, number>> {
  const counts: Partial<Record<MovedKind, number>> = {};
  for (const record of merge.records) counts[record.kind] = (counts[record.kind] ?? 0) + 1;
  return counts;
}

/** The merge without its record list, for audit entries. */
export function mergeSummary(merge: DebtorMerge) {
  const { records: _records, tenantId: _tenantId, ...rest } = merge;
  return { ...rest, moved: countsByKind(merge) };
}

/** The API representation of a merge: its state, what it moved and until when it can be reversed. */
export function mergeView(merge: DebtorMerge) {
  const { tenantId: _tenantId, chunkSize: _chunkSize, ...rest } = merge;
  return {
    ...rest,
    records: merge.records.map(({ kind, id }) => ({ kind, id })),
    moved: countsByKind(merge),
  };
}

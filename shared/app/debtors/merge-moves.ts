/**
 * The chunks of a merge or of its reversal, run from where the merge record says it stopped: each
 * chunk is one transaction that advances the record, so a run cut short by a crash is resumed by
 * the next request and no chunk applies twice.
 */
import { chunkFrom, everythingMoved, type DebtorMerge } from '../../domain/debtors/merge/debtor-merge';
import { ConflictError } from '../../domain/errors';
import type { MoveDirection } from '../../ports/merge-store';
import type { Services } from '../../runtime/services';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';

export async function moveRemainingChunks(
  services: Pick<Services, 'merges'>,
  merge: DebtorMerge,
  direction: MoveDirection,
): Promise<DebtorMerge> {
  let current = merge;
  while (!everythingMoved(current)) {
    const from = current.movedCount;
    try {
      // A record that changed between its read and the write makes the chunk read again.
      await retryOnConcurrentChange({ tenantId: merge.tenantId, debtorId: merge.id }, () =>
        services.merges.moveChunk(current, from, direction),
      );
      current = { ...current, movedCount: from + chunkFrom(current, from).length };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Another request ran this chunk (a retry racing the original): go on from where it is.
      const reread = await services.merges.get(merge.tenantId, merge.id);
      if (!reread || reread.status !== current.status || reread.movedCount <= from) throw error;
      current = reread;
    }
  }
  return current;
}

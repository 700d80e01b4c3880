/**
 * The tenant-day sweep (job `unfinished-merges`): merges a request left with work to do and
 * nobody retried — stopped while moving records, between completing and handing the cases over,
 * while reversing, or while undoing a reversal that stopped — are finished by the system, oldest
 * first, at most `limit` a day. Each step is the one the request itself would have run next, so a
 * request racing the sweep does no harm (chunks apply once; see merge-moves.ts).
 */
import type { Actor } from '../../domain/actor';
import type { DebtorMerge } from '../../domain/debtors/merge/debtor-merge';
import { DomainError } from '../../domain/errors';
import { logger } from '../../observability/powertools';
import type { UseCaseContext } from '../context';
import { completeMerge, handOverCases, type MergeServices } from './merge-debtors';
import { finishStoppedReversal } from './reverse-merge';

export async function finishStoppedMerges(services: MergeServices, tenantId: string, limit = 50) {
  const actor: Actor = { sub: 'system:merges', tenantId, roles: ['admin'] };
  let finished = 0;
  for (const merge of await services.merges.unfinished(tenantId, limit)) {
    try {
      await finishStoppedMerge(services, { actor }, merge);
      finished += 1;
    } catch (error) {
      // A rule refusing it (the survivor merged away meanwhile) is for a person; the others go on.
      if (!(error instanceof DomainError)) throw error;
      logger.warn('An unfinished merge could not be finished', { mergeId: merge.id, reason: error.name });
    }
  }
  return finished;
}

async function finishStoppedMerge(services: MergeServices, context: UseCaseContext, merge: DebtorMerge) {
  switch (merge.status) {
    case 'in_progress': {
      const survivor = await services.debtors.get(merge.tenantId, merge.survivorId);
      if (!survivor) return;
      const completed = await completeMerge(services, context, survivor, merge);
      return handOverCases(services, context, completed.merge, completed.view);
    }
    case 'completed':
      return handOverCases(services, context, merge);
    case 'reversing':
    case 'undoing_reversal':
      return finishStoppedReversal(services, context, merge);
    default:
      return;
  }
}

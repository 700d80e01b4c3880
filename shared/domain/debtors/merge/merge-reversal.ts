/**
 * When a merge may be undone. The rule is the simplest that keeps both books exact: within the
 * window, and only while every money record that came from the duplicate is still as it arrived
 * (same version). Anything that touched one since — a payment of the survivor allocated to a moved
 * invoice, a moved payment's credit spent on a survivor invoice, a promise decided, a plan, a
 * dispute answered, a write-off — changes its version, and the reversal is refused (422): the
 * records would no longer add up to the duplicate's book on their own. The duplicate's credit must
 * still be there to take back (it is, when its payments are unchanged).
 */
import { ConflictError } from '../../errors';
import type { CurrencyCode } from '../../money/currencies';
import type { DebtorMerge } from './debtor-merge';
import { subtractCredit } from './merge-plan';

/**
 * A record a reversal was to move back changed after the reversal's check (409): the reversal
 * cannot go on, and what it moved back so far returns to the survivor.
 */
export class RecordChangedSinceMergeError extends ConflictError {}

export interface ReversalRefusal {
  code: 'not_completed' | 'window_closed' | 'record_changed' | 'credit_spent';
  detail: string;
}

export interface SurvivorState {
  /** Current version of each record the survivor holds, by `<kind>#<id>` (absent when gone). */
  versions: ReadonlyMap<string, number>;
  credit: Partial<Record<CurrencyCode, number>>;
}

export function reversalRefusals(merge: DebtorMerge, survivor: SurvivorState, now: Date): ReversalRefusal[] {
  if (merge.status !== 'completed') {
    return [{ code: 'not_completed', detail: `The merge is ${merge.status.replace('_', ' ')}` }];
  }
  const refusals: ReversalRefusal[] = [];
  if (!merge.reversibleUntil || now.toISOString() > merge.reversibleUntil) {
    refusals.push({
      code: 'window_closed',
      detail: `A merge can be reversed until ${merge.reversibleUntil ?? 'its completion'}`,
    });
  }
  for (const record of merge.records) {
    if (record.kind === 'activity') continue;
    const current = survivor.versions.get(`${record.kind}#${record.id}`);
    if (current !== record.version) {
      refusals.push({
        code: 'record_changed',
        detail: `${record.kind} ${record.id} changed since the merge (version ${record.version} → ${current ?? 'gone'})`,
      });
    }
  }
  if (subtractCredit(survivor.credit, merge.movedCredit) === undefined) {
    refusals.push({
      code: 'credit_spent',
      detail: 'Credit that came from the duplicate has been used since',
    });
  }
  return refusals;
}

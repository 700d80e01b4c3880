/**
 * A merge of a duplicate debtor into the one that survives. It is recorded before anything moves,
 * with the plan (every record to move), and advances chunk by chunk, each chunk one transaction
 * that also advances `movedCount`: a merge cut short by a crash resumes where it stopped, and no
 * chunk applies twice. Records found later are appended and move in later chunks. Completed, it can be reversed within a window.
 */
import type { CurrencyCode } from '../../money/currencies';

/**
 * `undoing_reversal`: a reversal stopped on a record changed since the merge; the records it had
 * moved back go to the survivor again and the merge stands (`completed`).
 */
export type MergeStatus = 'in_progress' | 'completed' | 'reversing' | 'undoing_reversal' | 'reversed';

/** Records that live in a debtor's money partition, and the activities of its contact log. */
export const MOVED_KINDS = [
  'invoice',
  'payment',
  'adjustment',
  'dispute',
  'promise',
  'plan',
  'charge',
  'activity',
] as const;
export type MovedKind = (typeof MOVED_KINDS)[number];

export interface MovedRecord {
  kind: MovedKind;
  id: string;
  /** Version the record had when it moved (it keeps it): a reversal needs it unchanged. */
  version?: number;
  /** Activities are keyed by their instant too. */
  at?: string;
}

export interface CurrencyBalance {
  currency: CurrencyCode;
  outstanding: number;
}

export interface DebtorMerge {
  id: string;
  tenantId: string;
  survivorId: string;
  duplicateId: string;
  status: MergeStatus;
  /** The plan: every record of the duplicate that moves to the survivor. */
  records: MovedRecord[];
  /** The duplicate's unapplied credit per currency, added to the survivor's ledger head. */
  movedCredit: Partial<Record<CurrencyCode, number>>;
  /** Outstanding per currency of each debtor when the merge began, for the audit and the reader. */
  balancesBefore: { survivor: CurrencyBalance[]; duplicate: CurrencyBalance[] };
  /** Records per chunk (each takes up to three transaction items: the copy, the original, a pointer). */
  chunkSize: number;
  /** Records of the plan moved in the current direction (merging, or reversing), from the start. */
  movedCount: number;
  requestedBy: string;
  createdAt: string;
  completedAt?: string;
  /** A reversal is accepted until this instant. */
  reversibleUntil?: string;
  reversedAt?: string;
  reversedBy?: string;
  reversalReason?: string;
  /** While a stopped reversal is undone: how many records it had moved back (they move again). */
  reversalStoppedAt?: number;
  /**
   * False from completion until the duplicate's case is closed and the survivor's woken: a request
   * that stopped in between is finished by the next (merge-debtors.ts). Absent counts as done.
   */
  casesHandedOver?: boolean;
  version: number;
}

/** Reversible for 30 days: long enough to notice a wrong merge, short enough that books stay apart. */
export const MERGE_REVERSAL_DAYS = 30;
/**
 * 25 records × 3 items + the merge record + the survivor's check = 77 items, inside DynamoDB's
 * 100-item transaction limit.
 */
export const MERGE_CHUNK_SIZE = 25;

/** The plan lives in the merge record (400 KB at most): about 60 bytes a record leaves room for this many. */
export const MAX_MERGE_RECORDS = 4000;

type Progress = Pick<DebtorMerge, 'records' | 'chunkSize' | 'movedCount' | 'status' | 'reversalStoppedAt'>;

/** How many records of the plan move in the current direction: all, or those a stopped reversal moved back. */
function recordsToMove(merge: Omit<Progress, 'chunkSize' | 'movedCount'>): number {
  return merge.status === 'undoing_reversal' ? (merge.reversalStoppedAt ?? 0) : merge.records.length;
}

/** The next chunk: the records after the `from` already moved, at most `chunkSize`. */
export function chunkFrom(merge: Omit<Progress, 'movedCount'>, from: number): MovedRecord[] {
  return merge.records.slice(from, Math.min(from + merge.chunkSize, recordsToMove(merge)));
}

export function everythingMoved(merge: Omit<Progress, 'chunkSize'>): boolean {
  return merge.movedCount >= recordsToMove(merge);
}

export function completedMerge(merge: DebtorMerge, now: Date): DebtorMerge {
  return {
    ...merge,
    status: 'completed',
    completedAt: now.toISOString(),
    casesHandedOver: false,
    reversibleUntil: new Date(now.getTime() + MERGE_REVERSAL_DAYS * 24 * 3600 * 1000).toISOString(),
    version: merge.version + 1,
  };
}

/**
 * A request left it with work to do: records still to move (either way), or cases still to hand
 * over. The next request finishes it, or the tenant's daily sweep.
 */
export function isUnfinished(merge: Pick<DebtorMerge, 'status' | 'casesHandedOver'>): boolean {
  return (
    merge.status === 'in_progress' ||
    merge.status === 'reversing' ||
    merge.status === 'undoing_reversal' ||
    (merge.status === 'completed' && merge.casesHandedOver === false)
  );
}

export function handedOverMerge(merge: DebtorMerge): DebtorMerge {
  return { ...merge, casesHandedOver: true, version: merge.version + 1 };
}

export function reversingMerge(merge: DebtorMerge, actorSub: string, reason: string, now: Date): DebtorMerge {
  return {
    ...merge,
    status: 'reversing',
    movedCount: 0,
    reversedBy: actorSub,
    reversalReason: reason,
    reversedAt: now.toISOString(),
    version: merge.version + 1,
  };
}

/** A reversal stopped after moving `movedCount` records back: they go to the survivor again. */
export function undoingReversal(merge: DebtorMerge): DebtorMerge {
  return {
    ...merge,
    status: 'undoing_reversal',
    reversalStoppedAt: merge.movedCount,
    movedCount: 0,
    version: merge.version + 1,
  };
}

/** Everything is with the survivor again: the merge stands as it did before the reversal began. */
export function reversalUndone(merge: DebtorMerge): DebtorMerge {
  const {
    reversalStoppedAt: _stoppedAt,
    reversedAt: _reversedAt,
    reversedBy: _reversedBy,
    reversalReason: _reason,
    ...rest
  } = merge;
  return { ...rest, status: 'completed', movedCount: merge.records.length, version: merge.version + 1 };
}

export function reversedMerge(merge: DebtorMerge, now: Date): DebtorMerge {
  return { ...merge, status: 'reversed', reversedAt: now.toISOString(), version: merge.version + 1 };
}

import type { Debtor } from '../domain/debtors/debtor';
import type { DebtorMerge, MovedRecord } from '../domain/debtors/merge/debtor-merge';
import type { ContactProfile } from '../domain/compliance/contact-profile';
import type { DebtorLedger } from '../domain/ledger/debtor-ledger';
import type { Change } from './ledger-store';
import type { WriteContext } from './write-context';

/** Which way a chunk moves records: duplicate → survivor, or back. */
export type MoveDirection = 'merge' | 'reverse';

/** Merges of debtors: the record with its plan, and the transactions that carry it out. */
export interface MergeStore {
  get(tenantId: string, mergeId: string): Promise<DebtorMerge | undefined>;
  /** Merges a request left unfinished (isUnfinished), oldest first. */
  unfinished(tenantId: string, limit: number): Promise<DebtorMerge[]>;
  /**
   * Records the merge (in progress) and marks the duplicate merged into the survivor, in one
   * transaction: the duplicate under the version read and not merged already, the survivor still
   * there and not merged. ConflictError otherwise.
   */
  begin(
    merge: DebtorMerge,
    duplicate: Change<Debtor>,
    survivor: Debtor,
    context: WriteContext,
  ): Promise<void>;
  /** Adds records found in the duplicate's book after the plan was made (moved by later chunks). */
  extend(merge: Change<DebtorMerge>): Promise<void>;
  /**
   * Moves the chunk of the plan after the first `from` records in one transaction, with the merge
   * record's `movedCount` advanced on condition of `from`: a chunk applies once. Money records move (put in the target partition,
   * deleted from the source under their version, pointers re-pointed); activities are copied to
   * the survivor's log on a merge and the copies removed on a reversal. ConflictError when the
   * chunk was done already; ConcurrentChangeError when a record changed while it was read. A
   * reversal moves a money record back only at the version it moved with: one changed since (the
   * survivor paid a moved invoice while the reversal stood still) is a ConflictError and the
   * chunk moves nothing.
   */
  moveChunk(merge: DebtorMerge, from: number, direction: MoveDirection): Promise<void>;
  /** The last transaction of a merge or a reversal: heads, debtors, profile, merge record, audit. */
  finish(
    change: {
      merge: Change<DebtorMerge>;
      ledgers: Change<DebtorLedger>[];
      debtors: Change<Debtor>[];
      contactProfile?: Change<ContactProfile>;
    },
    context: WriteContext,
  ): Promise<void>;
  /** The merge record alone, under its version (a reversal starting). */
  save(merge: Change<DebtorMerge>, context: WriteContext): Promise<void>;
  /** Current versions of the given records in a debtor's money partition, by `<kind>#<id>`. */
  versionsOf(
    tenantId: string,
    debtorId: string,
    records: readonly MovedRecord[],
  ): Promise<Map<string, number>>;
}

import type { CaseEvent, CollectionCase, DeferredSend } from '../domain/cases/collection-case';
import type { WorkItem } from '../domain/cases/work-item';
import type { WriteContext } from './write-context';

/** A debtor's collection case: the current one (open, or the last closed) and the archive. */
export interface CaseStore {
  current(tenantId: string, debtorId: string): Promise<CollectionCase | undefined>;
  /** Opens a case; fails with ConflictError when an open case exists. The closed one is archived. */
  open(created: CollectionCase, previous: CollectionCase | undefined, context: WriteContext): Promise<void>;
  /** Saves under the version read (ConcurrentChangeError otherwise), with new work items. */
  save(
    before: CollectionCase,
    after: CollectionCase,
    workItems: WorkItem[],
    context: WriteContext,
  ): Promise<void>;
  /**
   * Defers a step's send to the case and signals it, in one conditional write that leaves the rest
   * of the case alone: undefined when the case is not that open case or already holds a deferred
   * send; the parked execution's token, if it was parked, for the caller to wake.
   */
  deferSend(
    tenantId: string,
    debtorId: string,
    caseId: string,
    deferred: DeferredSend,
    event: CaseEvent,
    context: WriteContext,
  ): Promise<{ token?: string } | undefined>;
  /** Stores the parked execution's token unless an event arrived since `seenSignals`. */
  park(
    tenantId: string,
    debtorId: string,
    caseId: string,
    token: string,
    seenSignals: number,
  ): Promise<boolean>;
  /** Records an event and takes the parked token, if any, for the caller to wake the execution. */
  signal(
    tenantId: string,
    debtorId: string,
  ): Promise<{ collectionCase: CollectionCase; token?: string } | undefined>;
  /**
   * Closes the debtor's open case (active or paused) with the event, counting it as a signal so a
   * review in flight starts again and sees it closed; returns the closed case and the parked
   * execution's token, if any, for the caller to end. Undefined when no case is open.
   */
  closeOpen(
    tenantId: string,
    debtorId: string,
    close: { reason: NonNullable<CollectionCase['closeReason']>; event: CaseEvent },
    context: (before: CollectionCase, after: CollectionCase) => WriteContext,
  ): Promise<{ closed: CollectionCase; token?: string } | undefined>;
  /** Open work items, oldest due first. */
  workItems(tenantId: string, limit: number): Promise<WorkItem[]>;
}

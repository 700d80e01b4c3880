/**
 * `POST /v1/debtors/{id}/merge {duplicateId}`: the duplicate's whole book and contact log move to
 * the survivor (ids kept, pointers re-pointed), its credit joins the survivor's, the stricter of the
 * two contact profiles applies, and the duplicate keeps its record marked `mergedInto`. The merge
 * record is written first with the plan, then chunk after chunk moves (merge-moves.ts), then one
 * transaction finishes: a request cut short is finished by the next one. Afterwards the duplicate's
 * collection case is closed and its execution ended, and the survivor's case reconsiders; only then
 * is the merge marked `casesHandedOver` and the response stored, so a request that stopped before
 * the hand-over is finished by the next one too (not answered from the store).
 */
import type { Actor } from '../../domain/actor';
import type { Debtor } from '../../domain/debtors/debtor';
import {
  completedMerge,
  handedOverMerge,
  MAX_MERGE_RECORDS,
  MERGE_CHUNK_SIZE,
  type DebtorMerge,
} from '../../domain/debtors/merge/debtor-merge';
import {
  addCredit,
  outstandingByCurrency,
  planMerge,
  recordsOf,
} from '../../domain/debtors/merge/merge-plan';
import { stricterContactProfile } from '../../domain/debtors/merge/stricter-contact-profile';
import { ConflictError, RuleViolationError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { signalCase } from '../cases/signal-case';
import type { UseCaseContext } from '../context';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { findVisibleDebtor } from './find-debtor';
import { debtorDetailsView } from './get-debtor';
import { mergeableBook } from './mergeable-book';
import { moveRemainingChunks } from './merge-moves';
import { mergeSummary } from '../views/merge-view';

export type MergeServices = Pick<
  Services,
  | 'clock'
  | 'ids'
  | 'debtors'
  | 'merges'
  | 'ledger'
  | 'contacts'
  | 'approvals'
  | 'policies'
  | 'cases'
  | 'workflow'
>;

export async function mergeDebtors(
  services: MergeServices,
  context: UseCaseContext,
  survivorId: string,
  duplicateId: string,
) {
  if (survivorId === duplicateId) throw new RuleViolationError('A debtor cannot be merged into itself');
  const { actor } = context;
  const survivor = await findVisibleDebtor(services.debtors, actor, survivorId);
  const duplicate = await findVisibleDebtor(services.debtors, actor, duplicateId);
  if (survivor.mergedInto) {
    throw new RuleViolationError(
      `Debtor ${survivor.id} was merged into ${survivor.mergedInto}: merge into that one instead`,
    );
  }
  const started = duplicate.mergedInto
    ? await unfinishedMerge(services, survivor, duplicate)
    : await beginMerge(services, actor, survivor, duplicate);
  const { merge, view } = await completeMerge(services, context, survivor, started);
  await handOverCases(services, context, merge, view);
  return { view, mergeId: merge.id };
}

/**
 * A merge of these two that a crash left in progress, or completed with the cases not yet handed
 * over, is finished; any other is refused.
 */
async function unfinishedMerge(services: MergeServices, survivor: Debtor, duplicate: Debtor) {
  const merge = duplicate.mergeId
    ? await services.merges.get(duplicate.tenantId, duplicate.mergeId)
    : undefined;
  const unfinished =
    merge?.status === 'in_progress' || (merge?.status === 'completed' && merge.casesHandedOver === false);
  if (merge && unfinished && merge.survivorId === survivor.id) return merge;
  throw new RuleViolationError(`Debtor ${duplicate.id} is already merged into ${duplicate.mergedInto}`);
}

async function beginMerge(services: MergeServices, actor: Actor, survivor: Debtor, duplicate: Debtor) {
  const { tenantId } = actor;
  await refuseWhileApprovalsPend(services, tenantId, duplicate.id);
  const [survivorBook, duplicateBook] = await Promise.all([
    mergeableBook(services, tenantId, survivor.id),
    mergeableBook(services, tenantId, duplicate.id),
  ]);
  const plan = planMerge(survivorBook, duplicateBook);
  if (plan.records.length > MAX_MERGE_RECORDS) {
    throw new RuleViolationError(
      `The duplicate holds ${plan.records.length} records; a merge moves at most ${MAX_MERGE_RECORDS}`,
    );
  }
  const now = services.clock.now();
  const merge: DebtorMerge = {
    id: services.ids.next('mrg'),
    tenantId,
    survivorId: survivor.id,
    duplicateId: duplicate.id,
    status: 'in_progress',
    records: plan.records,
    movedCredit: plan.movedCredit,
    balancesBefore: plan.balancesBefore,
    chunkSize: MERGE_CHUNK_SIZE,
    movedCount: 0,
    requestedBy: actor.sub,
    createdAt: now.toISOString(),
    version: 1,
  };
  const marked: Debtor = {
    ...duplicate,
    mergedInto: survivor.id,
    mergeId: merge.id,
    version: duplicate.version + 1,
    updatedAt: now.toISOString(),
  };
  const audit = auditor(services.ids, actor, now);
  await services.merges.begin(merge, { before: duplicate, after: marked }, survivor, {
    audit: [
      audit('merge', merge.id, 'merge.started', null, mergeSummary(merge)),
      audit('debtor', duplicate.id, 'debtor.merged_into', duplicate, marked),
    ],
  });
  return merge;
}

/**
 * A pending four-eyes request names the duplicate and its invoice: deciding it after the move would
 * apply to a record that lives elsewhere. Decide it first.
 */
async function refuseWhileApprovalsPend(services: MergeServices, tenantId: string, debtorId: string) {
  let cursor: string | undefined;
  do {
    const page = await services.approvals.list(tenantId, 'pending', { limit: 100, cursor });
    if (page.items.some((approval) => approval.debtorId === debtorId)) {
      throw new RuleViolationError(
        'The duplicate has requests waiting for approval: decide them before merging',
      );
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * Runs the planned chunks, then looks again: a payment or a call recorded on the duplicate while
 * the merge ran is added to the plan and moved too, so nothing is left behind.
 */
async function moveEverything(services: MergeServices, merge: DebtorMerge): Promise<DebtorMerge> {
  let current = merge;
  for (;;) {
    current = await moveRemainingChunks(services, current, 'merge');
    const planned = new Set(current.records.map((record) => `${record.kind}#${record.id}`));
    const left = recordsOf(await mergeableBook(services, current.tenantId, current.duplicateId)).filter(
      (record) => !planned.has(`${record.kind}#${record.id}`),
    );
    if (left.length === 0) return current;
    const extended = { ...current, records: [...current.records, ...left], version: current.version + 1 };
    await services.merges.extend({ before: current, after: extended });
    current = extended;
  }
}

/** Moves and finishes a merge in progress; a completed one answers with the survivor as it is. */
export async function completeMerge(
  services: MergeServices,
  context: UseCaseContext,
  survivor: Debtor,
  merge: DebtorMerge,
): Promise<{ merge: DebtorMerge; view: SurvivorView }> {
  if (merge.status === 'in_progress') {
    const moved = await moveEverything(services, merge);
    try {
      return await finishMerge(services, context, survivor, moved);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // A retry racing this request finished it: the hand-over is left to do, by either.
      const reread = await services.merges.get(merge.tenantId, merge.id);
      if (reread?.status !== 'completed') throw error;
      merge = reread;
    }
  }
  const book = await services.ledger.book(merge.tenantId, survivor.id);
  return { merge, view: debtorDetailsView(survivor, book, services.clock.now()) };
}

type SurvivorView = ReturnType<typeof debtorDetailsView>;

/** Heads, contact profile, merge record and audit: one transaction. */
async function finishMerge(
  services: MergeServices,
  context: UseCaseContext,
  survivor: Debtor,
  merge: DebtorMerge,
) {
  const { actor } = context;
  return retryOnConcurrentChange({ tenantId: merge.tenantId, debtorId: survivor.id }, async () => {
    const now = services.clock.now();
    const [book, duplicateHead, survivorContacts, duplicateContacts] = await Promise.all([
      services.ledger.book(merge.tenantId, survivor.id),
      services.ledger.snapshot(merge.tenantId, merge.duplicateId),
      services.contacts.recent(merge.tenantId, survivor.id, now),
      services.contacts.recent(merge.tenantId, merge.duplicateId, now),
    ]);
    // The credit the duplicate holds now (a payment may have landed while the merge ran).
    const movedCredit = duplicateHead.ledger.credit;
    const at = now.toISOString();
    const survivorLedger = {
      ...book.ledger,
      credit: addCredit(book.ledger.credit, movedCredit),
      version: book.ledger.version + 1,
      updatedAt: at,
    };
    const duplicateLedger = {
      ...duplicateHead.ledger,
      credit: {},
      version: duplicateHead.ledger.version + 1,
      updatedAt: at,
    };
    const profile = stricterContactProfile(
      survivorContacts.profile,
      duplicateContacts.profile,
      now,
      actor.sub,
    );
    const completed = completedMerge({ ...merge, movedCredit }, now);
    const view = debtorDetailsView(survivor, { ...book, ledger: survivorLedger }, now);
    const audit = auditor(services.ids, actor, now);
    await services.merges.finish(
      {
        merge: { before: merge, after: completed },
        ledgers: [
          { before: book.ledger, after: survivorLedger },
          { before: duplicateHead.ledger, after: duplicateLedger },
        ],
        debtors: [],
        contactProfile: { before: survivorContacts.profile, after: profile },
      },
      {
        audit: [
          audit('merge', merge.id, 'merge.completed', mergeSummary(merge), mergeSummary(completed)),
          audit(
            'debtor',
            survivor.id,
            'debtor.merged',
            { balances: merge.balancesBefore.survivor, credit: book.ledger.credit },
            {
              mergedFrom: merge.duplicateId,
              mergeId: merge.id,
              balances: outstandingByCurrency(book.invoices),
              credit: survivorLedger.credit,
            },
          ),
          audit('contacts', survivor.id, 'contacts.merged', survivorContacts.profile, profile),
        ],
      },
    );
    return { merge: completed, view };
  });
}

/**
 * One person, one running case: the duplicate's case closes (`merged`) and its execution ends
 * through the workflow's Catch; the survivor's case is woken to reconsider with the debts it now
 * holds, or opened if it had none. Each step may run again on a retry: a closed case is not closed
 * twice, and a second wake only makes the survivor's case review again. The merge record then
 * notes the hand-over with the stored response, in one transaction.
 */
export async function handOverCases(
  services: MergeServices,
  context: UseCaseContext,
  merge: DebtorMerge,
  /** The answer a retried request gets (stored with its idempotency key). */
  view?: SurvivorView,
) {
  if (merge.casesHandedOver !== false) return;
  const now = services.clock.now();
  const audit = auditor(services.ids, context.actor, now);
  const closed = await services.cases.closeOpen(
    merge.tenantId,
    merge.duplicateId,
    {
      reason: 'merged',
      event: {
        at: now.toISOString(),
        kind: 'closed',
        detail: `Merged into debtor ${merge.survivorId} (merge ${merge.id}); its debts go on there`,
      },
    },
    (before, after) => ({ audit: [audit('case', before.id, 'case.closed', before, after)] }),
  );
  if (closed?.token) {
    await services.workflow.end(closed.token, 'Recoup.CaseClosed', `Case ${closed.closed.id} merged`);
  }
  await signalCase(services, merge.tenantId, merge.survivorId, 'merge');
  const handedOver = handedOverMerge(merge);
  try {
    await services.merges.save(
      { before: merge, after: handedOver },
      {
        audit: [
          audit('merge', merge.id, 'merge.cases_handed_over', mergeSummary(merge), mergeSummary(handedOver)),
        ],
        idempotency: context.idempotency && view && { ...context.idempotency, body: view },
      },
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // A retry racing this request noted it first: the cases are handed over all the same.
    const reread = await services.merges.get(merge.tenantId, merge.id);
    if (reread?.casesHandedOver !== true) throw error;
  }
}

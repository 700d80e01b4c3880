/**
 * `POST /v1/merges/{id}/reverse`: within the window, and while every money record that came from
 * the duplicate is as it arrived (merge-reversal.ts), the same chunks move those records back, the
 * copies of its activities leave the survivor's log, its credit returns, and the duplicate is a
 * debtor of its own again. The survivor keeps the stricter contact profile: a cease or opt-out the
 * person gave stays honoured. Both cases reconsider afterwards. The check is made once, when the
 * reversal begins; each chunk then moves a record back only at the version it moved with, so one
 * changed while a reversal stood half-way stops it with a 409 (merge-store.ts). A stopped reversal
 * does not leave the books split between the two debtors: the records it had moved back go to the
 * survivor again (the same chunks, forward) and the merge stands, completed, as before.
 */
import type { Debtor } from '../../domain/debtors/debtor';
import {
  reversalUndone,
  reversedMerge,
  reversingMerge,
  undoingReversal,
  type DebtorMerge,
} from '../../domain/debtors/merge/debtor-merge';
import { addCredit, outstandingByCurrency, subtractCredit } from '../../domain/debtors/merge/merge-plan';
import { RecordChangedSinceMergeError, reversalRefusals } from '../../domain/debtors/merge/merge-reversal';
import { ConflictError, NotFoundError, RuleViolationError } from '../../domain/errors';
import { auditor } from '../audit/auditor';
import { signalCase } from '../cases/signal-case';
import type { UseCaseContext } from '../context';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { mergeSummary, mergeView } from '../views/merge-view';
import type { MergeServices } from './merge-debtors';
import { moveRemainingChunks } from './merge-moves';

export async function reverseMerge(
  services: MergeServices,
  context: UseCaseContext,
  mergeId: string,
  reason: string,
) {
  const { actor } = context;
  let merge = await services.merges.get(actor.tenantId, mergeId);
  if (!merge) throw new NotFoundError('Merge');
  if (merge.status === 'undoing_reversal') {
    // A request stopped while undoing a stopped reversal: finish that, and say why it stopped.
    await undoReversal(services, context, merge);
    throw new ConflictError(
      'An earlier reversal of this merge stopped on a record changed since the merge; the records it had moved back were returned to the survivor and the merge stands',
    );
  }
  if (merge.status === 'completed') {
    merge = await beginReversal(services, context, merge, reason);
  } else if (merge.status !== 'reversing') {
    throw new RuleViolationError(
      `The merge is ${merge.status.replace('_', ' ')}: only a completed merge can be reversed`,
    );
  }
  return carryOutReversal(services, context, merge);
}

/**
 * For the tenant's daily sweep: a reversal a request left half done is carried out (or, stopping
 * on a changed record, undone), and an undoing left half done is finished.
 */
export async function finishStoppedReversal(
  services: MergeServices,
  context: UseCaseContext,
  merge: DebtorMerge,
): Promise<void> {
  if (merge.status === 'undoing_reversal') return undoReversal(services, context, merge);
  if (merge.status !== 'reversing') return;
  try {
    await carryOutReversal(services, context, merge);
  } catch (error) {
    // Undone already: the merge stands, as the reversal's own request would have left it.
    if (!(error instanceof RecordChangedSinceMergeError)) throw error;
  }
}

/** The rest of a reversal's chunks, then its last transaction and the cases woken. */
async function carryOutReversal(services: MergeServices, context: UseCaseContext, reversing: DebtorMerge) {
  let merge = reversing;
  try {
    merge = await moveRemainingChunks(services, merge, 'reverse');
  } catch (error) {
    if (!(error instanceof RecordChangedSinceMergeError)) throw error;
    const stopped = await services.merges.get(merge.tenantId, merge.id);
    if (stopped?.status === 'reversing') await undoReversal(services, context, stopped, error.message);
    throw new RecordChangedSinceMergeError(
      `${error.message}; the records moved back so far were returned to the survivor and the merge stands`,
    );
  }
  const view = await finishReversal(services, context, merge);
  await signalCase(services, merge.tenantId, merge.survivorId, 'merge reversed');
  await signalCase(services, merge.tenantId, merge.duplicateId, 'merge reversed');
  return view;
}

async function beginReversal(
  services: MergeServices,
  context: UseCaseContext,
  merge: DebtorMerge,
  reason: string,
) {
  const now = services.clock.now();
  const [versions, survivorHead] = await Promise.all([
    services.merges.versionsOf(merge.tenantId, merge.survivorId, merge.records),
    services.ledger.snapshot(merge.tenantId, merge.survivorId),
  ]);
  const refusals = reversalRefusals(merge, { versions, credit: survivorHead.ledger.credit }, now);
  if (refusals.length > 0) {
    throw new RuleViolationError(
      `The merge cannot be reversed: ${refusals.map((refusal) => refusal.detail).join('; ')}`,
    );
  }
  const reversing = reversingMerge(merge, context.actor.sub, reason, now);
  await services.merges.save(
    { before: merge, after: reversing },
    {
      audit: [
        auditor(services.ids, context.actor, now)(
          'merge',
          merge.id,
          'merge.reversal_started',
          mergeSummary(merge),
          mergeSummary(reversing),
        ),
      ],
    },
  );
  return reversing;
}

/**
 * Moves what a stopped reversal had moved back to the survivor again, chunk by chunk as a merge
 * does (resumable the same way), then records the merge as completed again.
 */
async function undoReversal(
  services: MergeServices,
  context: UseCaseContext,
  stopped: DebtorMerge,
  why?: string,
): Promise<void> {
  const audit = () => auditor(services.ids, context.actor, services.clock.now());
  let merge = stopped;
  if (merge.status === 'reversing') {
    const undoing = undoingReversal(merge);
    await services.merges.save(
      { before: merge, after: undoing },
      {
        audit: [
          audit()('merge', merge.id, 'merge.reversal_stopped', mergeSummary(merge), {
            ...mergeSummary(undoing),
            ...(why ? { stoppedBecause: why } : {}),
          }),
        ],
      },
    );
    merge = undoing;
  }
  merge = await moveRemainingChunks(services, merge, 'merge');
  const undone = reversalUndone(merge);
  await services.merges.save(
    { before: merge, after: undone },
    {
      audit: [audit()('merge', merge.id, 'merge.reversal_undone', mergeSummary(merge), mergeSummary(undone))],
    },
  );
  await signalCase(services, merge.tenantId, merge.survivorId, 'merge reversal undone');
}

async function finishReversal(services: MergeServices, context: UseCaseContext, merge: DebtorMerge) {
  const { actor } = context;
  return retryOnConcurrentChange({ tenantId: merge.tenantId, debtorId: merge.survivorId }, async () => {
    const now = services.clock.now();
    const at = now.toISOString();
    const [survivorHead, duplicateHead, duplicate] = await Promise.all([
      services.ledger.snapshot(merge.tenantId, merge.survivorId),
      services.ledger.snapshot(merge.tenantId, merge.duplicateId),
      services.debtors.get(merge.tenantId, merge.duplicateId),
    ]);
    if (!duplicate) throw new NotFoundError('Debtor');
    const survivorCredit = subtractCredit(survivorHead.ledger.credit, merge.movedCredit);
    if (!survivorCredit) {
      throw new ConflictError('Credit that came from the duplicate was used while the reversal ran; retry');
    }
    const survivorLedger = {
      ...survivorHead.ledger,
      credit: survivorCredit,
      version: survivorHead.ledger.version + 1,
      updatedAt: at,
    };
    const duplicateLedger = {
      ...duplicateHead.ledger,
      credit: addCredit(duplicateHead.ledger.credit, merge.movedCredit),
      version: duplicateHead.ledger.version + 1,
      updatedAt: at,
    };
    const { mergedInto: _mergedInto, mergeId: _mergeId, ...unmarked } = duplicate;
    const restored: Debtor = { ...unmarked, version: duplicate.version + 1, updatedAt: at };
    const reversed = reversedMerge(merge, now);
    const view = mergeView(reversed);
    const audit = auditor(services.ids, actor, now);
    await services.merges.finish(
      {
        merge: { before: merge, after: reversed },
        ledgers: [
          { before: survivorHead.ledger, after: survivorLedger },
          { before: duplicateHead.ledger, after: duplicateLedger },
        ],
        debtors: [{ before: duplicate, after: restored }],
      },
      {
        audit: [
          audit('merge', merge.id, 'merge.reversed', mergeSummary(merge), mergeSummary(reversed)),
          audit('debtor', duplicate.id, 'debtor.unmerged', duplicate, restored),
          audit(
            'debtor',
            merge.survivorId,
            'debtor.merge_reversed',
            { mergeId: merge.id, credit: survivorHead.ledger.credit },
            {
              mergeId: merge.id,
              balances: outstandingByCurrency(survivorHead.invoices),
              credit: survivorCredit,
            },
          ),
        ],
        idempotency: context.idempotency && { ...context.idempotency, body: view },
      },
    );
    return view;
  });
}

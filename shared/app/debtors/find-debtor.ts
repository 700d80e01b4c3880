import { canSeeDebtor, type Actor } from '../../domain/actor';
import type { Debtor } from '../../domain/debtors/debtor';
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import type { DebtorStore } from '../../ports/debtor-store';

/** A debtor the actor may see; anything else is "not found", whatever the reason. */
export async function findVisibleDebtor(debtors: DebtorStore, actor: Actor, id: string): Promise<Debtor> {
  const debtor = canSeeDebtor(actor, id) ? await debtors.get(actor.tenantId, id) : undefined;
  if (!debtor) throw new NotFoundError('Debtor');
  return debtor;
}

/**
 * A debtor that may take new records (a payment, a promise, a plan, a logged contact). A merged one
 * may not: its book lives with the survivor, where the record belongs (422 naming it).
 */
export async function findDebtorTakingRecords(
  debtors: DebtorStore,
  actor: Actor,
  id: string,
): Promise<Debtor> {
  const debtor = await findVisibleDebtor(debtors, actor, id);
  refuseIfMerged(debtor);
  return debtor;
}

export function refuseIfMerged(debtor: Debtor): void {
  if (debtor.mergedInto) {
    throw new RuleViolationError(
      `Debtor ${debtor.id} was merged into ${debtor.mergedInto}: record this on debtor ${debtor.mergedInto}`,
    );
  }
}

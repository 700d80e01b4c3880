import { canSeeDebtor, type Actor } from '../../domain/actor';
import type { Debtor } from '../../domain/debtors/debtor';
import { NotFoundError } from '../../domain/errors';
import type { DebtorStore } from '../../ports/debtor-store';

/** A debtor the actor may see; anything else is "not found", whatever the reason. */
export async function findVisibleDebtor(debtors: DebtorStore, actor: Actor, id: string): Promise<Debtor> {
  const debtor = canSeeDebtor(actor, id) ? await debtors.get(actor.tenantId, id) : undefined;
  if (!debtor) throw new NotFoundError('Debtor');
  return debtor;
}

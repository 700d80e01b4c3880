import { auditor } from '../audit/auditor';
import { changeDebtor, type DebtorChanges } from '../../domain/debtors/debtor';
import { ConflictError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { debtorView } from '../views/debtor-view';
import { findVisibleDebtor } from './find-debtor';

export async function updateDebtor(
  services: Pick<Services, 'clock' | 'ids' | 'debtors'>,
  context: UseCaseContext,
  id: string,
  changes: DebtorChanges,
) {
  const before = await findVisibleDebtor(services.debtors, context.actor, id);
  if (context.expectedVersion !== undefined && context.expectedVersion !== before.version) {
    throw new ConflictError(`Debtor is at version ${before.version}, not ${context.expectedVersion}`);
  }
  const now = services.clock.now();
  const after = changeDebtor(before, changes, now);
  await services.debtors.update(before, after, {
    audit: [auditor(services.ids, context.actor, now)('debtor', id, 'debtor.updated', before, after)],
  });
  return { debtor: after, view: debtorView(after) };
}

import type { CollectionCase } from '../../domain/cases/collection-case';
import { NotFoundError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';

/** Where the execution is, as far as the case knows: parked, reviewing, or ended. */
function currentState(collectionCase: CollectionCase): string {
  if (collectionCase.status === 'closed') return 'CaseClosed';
  if (collectionCase.status === 'handed_off') return 'CaseHandedOff';
  return collectionCase.waitToken ? 'WaitForNextStep' : 'ReviewCase';
}

export function caseView(collectionCase: CollectionCase) {
  const { tenantId: _tenantId, waitToken: _token, signals: _signals, ...fields } = collectionCase;
  return { ...fields, currentState: currentState(collectionCase) };
}

export async function getCase(
  services: Pick<Services, 'debtors' | 'cases'>,
  context: UseCaseContext,
  debtorId: string,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const collectionCase = await services.cases.current(debtor.tenantId, debtor.id);
  if (!collectionCase) throw new NotFoundError('Case');
  return caseView(collectionCase);
}

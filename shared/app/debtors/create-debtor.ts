import { auditor } from '../audit/auditor';
import { newDebtor, type DebtorDraft } from '../../domain/debtors/debtor';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { debtorView } from '../views/debtor-view';

export async function createDebtor(
  services: Pick<Services, 'clock' | 'ids' | 'debtors'>,
  context: UseCaseContext,
  draft: DebtorDraft,
) {
  const now = services.clock.now();
  const debtor = newDebtor(services.ids.next('dbt'), context.actor.tenantId, draft, context.actor, now);
  const view = debtorView(debtor);
  await services.debtors.create(debtor, {
    audit: [auditor(services.ids, context.actor, now)('debtor', debtor.id, 'debtor.created', null, debtor)],
    idempotency: context.idempotency && { ...context.idempotency, body: view },
  });
  return { debtor, view };
}

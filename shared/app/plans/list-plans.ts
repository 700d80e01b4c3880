import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { evaluateStoredPlan, planView } from './plan-evaluation';

/** A debtor's plans, newest first; active ones evaluated against the payments applied so far. */
export async function listPlans(
  services: Pick<Services, 'clock' | 'debtors' | 'ledger'>,
  context: UseCaseContext,
  debtorId: string,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const [plans, payments] = await Promise.all([
    services.ledger.listPlans(debtor.tenantId, debtor.id),
    services.ledger.allPayments(debtor.tenantId, debtor.id),
  ]);
  const now = services.clock.now();
  return {
    items: plans
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .map((plan) =>
        planView(
          plan,
          plan.status === 'cancelled' ? undefined : evaluateStoredPlan(plan, payments, now, debtor.timezone),
        ),
      ),
  };
}

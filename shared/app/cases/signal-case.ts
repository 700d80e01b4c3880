/**
 * An event from the API (payment, dispute, promise, plan, cease, opt-out…) reaches the debtor's
 * running execution at once: the parked task token is taken and the execution woken, so ReviewCase
 * runs now instead of at the next timer. An event during a review is counted, and the review
 * starts again before it parks. A debtor without an open case gets one if it now owes.
 */
import type { Services } from '../../runtime/services';
import { ensureCase } from './ensure-case';

export async function signalCase(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger' | 'policies' | 'cases' | 'workflow'>,
  tenantId: string,
  debtorId: string,
  reason: string,
): Promise<void> {
  const signalled = await services.cases.signal(tenantId, debtorId);
  const status = signalled?.collectionCase.status;
  if (!signalled || status === 'closed' || status === 'handed_off') {
    await ensureCase(services, tenantId, debtorId);
    return;
  }
  if (signalled.token) await services.workflow.wake(signalled.token, reason);
}

import { evaluatePromise } from '../../domain/promises/promise';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { receivedPayments } from './promise-evaluation';
import { promiseView } from './promise-view';

/** A debtor's promises, newest first, pending ones evaluated against the payments received so far. */
export async function listPromises(
  services: Pick<Services, 'clock' | 'debtors' | 'ledger'>,
  context: UseCaseContext,
  debtorId: string,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const [promises, payments] = await Promise.all([
    services.ledger.listPromises(debtor.tenantId, debtor.id),
    services.ledger.allPayments(debtor.tenantId, debtor.id),
  ]);
  const received = receivedPayments(payments);
  const now = services.clock.now();
  return {
    items: promises
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .map((promise) =>
        promiseView(
          promise,
          promise.status === 'pending' ? evaluatePromise(promise, received, now, debtor.timezone) : undefined,
        ),
      ),
  };
}

/**
 * Withdraws a pending promise to pay — the debtor takes it back, or it was recorded in error: the
 * case no longer waits for it (the route wakes the case). A promise already kept or broken (even
 * one only the clock has yet to record) or cancelled is refused (422).
 */
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import { touch } from '../../domain/ledger/debtor-ledger';
import { evaluatePromise } from '../../domain/promises/promise';
import type { PromiseToPay } from '../../domain/promises/promise-to-pay';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { receivedPayments } from './promise-evaluation';
import { promiseView } from './promise-view';

export async function cancelPromise(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger'>,
  context: UseCaseContext,
  debtorId: string,
  promiseId: string,
  reason: string,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  return retryOnConcurrentChange({ tenantId: debtor.tenantId, debtorId: debtor.id }, async () => {
    const now = services.clock.now();
    const book = await services.ledger.book(debtor.tenantId, debtor.id);
    const promise = book.promises.find((candidate) => candidate.id === promiseId);
    if (!promise) throw new NotFoundError('Promise');
    const status =
      promise.status === 'pending'
        ? evaluatePromise(promise, receivedPayments(book.payments), now, debtor.timezone).status
        : promise.status;
    if (status !== 'pending') {
      throw new RuleViolationError(`The promise is ${status}: only a pending promise can be cancelled`);
    }
    const cancelled: PromiseToPay = {
      ...promise,
      status: 'cancelled',
      resolvedAt: now.toISOString(),
      cancellation: { by: context.actor.sub, reason },
      version: promise.version + 1,
    };
    const view = promiseView(cancelled);
    await services.ledger.commit(
      {
        ledger: { before: book.ledger, after: touch(book.ledger, now) },
        changedPromises: [{ before: promise, after: cancelled }],
      },
      {
        audit: [
          auditor(services.ids, context.actor, now)(
            'promise',
            promise.id,
            'promise.cancelled',
            promise,
            cancelled,
          ),
        ],
        idempotency: context.idempotency && { ...context.idempotency, body: view },
      },
    );
    return view;
  });
}

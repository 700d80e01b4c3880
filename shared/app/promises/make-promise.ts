import { auditor } from '../audit/auditor';
import { ValidationError } from '../../domain/errors';
import { touch } from '../../domain/ledger/debtor-ledger';
import { promiseProblems } from '../../domain/promises/promise';
import { cancel, type PromiseToPay } from '../../domain/promises/promise-to-pay';
import { localDate, type CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findDebtorTakingRecords } from '../debtors/find-debtor';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { promiseView } from './promise-view';

export interface PromiseInput {
  currency: string;
  amount: number;
  dueDate: CalendarDate;
  graceDays?: number;
  note?: string;
}

/** Records a promise to pay; a newer promise in the same currency supersedes a pending one. */
export async function makePromise(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger'>,
  context: UseCaseContext,
  debtorId: string,
  input: PromiseInput,
) {
  const debtor = await findDebtorTakingRecords(services.debtors, context.actor, debtorId);
  const promiseId = services.ids.next('prm');
  return retryOnConcurrentChange({ tenantId: debtor.tenantId, debtorId: debtor.id }, async () => {
    const now = services.clock.now();
    const promise: PromiseToPay = {
      id: promiseId,
      tenantId: debtor.tenantId,
      debtorId: debtor.id,
      currency: input.currency,
      amount: input.amount,
      dueDate: input.dueDate,
      graceDays: input.graceDays ?? 0,
      ...(input.note ? { note: input.note } : {}),
      status: 'pending',
      timezone: debtor.timezone,
      createdAt: now.toISOString(),
      createdBy: context.actor.sub,
      version: 1,
    };
    const problems = promiseProblems(promise, localDate(now, debtor.timezone));
    if (problems.length > 0) throw new ValidationError(problems);
    const { ledger } = await services.ledger.snapshot(debtor.tenantId, debtor.id);
    const superseded = (await services.ledger.listPromises(debtor.tenantId, debtor.id))
      .filter((existing) => existing.status === 'pending' && existing.currency === promise.currency)
      .map((before) => ({ before, after: cancel(before, now) }));
    const view = promiseView(promise);
    const audit = auditor(services.ids, context.actor, now);
    await services.ledger.commit(
      {
        ledger: { before: ledger, after: touch(ledger, now) },
        createdPromises: [promise],
        changedPromises: superseded,
      },
      {
        audit: [
          audit('promise', promise.id, 'promise.made', null, promise),
          ...superseded.map(({ before, after }) =>
            audit('promise', before.id, 'promise.superseded', before, after),
          ),
        ],
        idempotency: context.idempotency && { ...context.idempotency, body: view },
      },
    );
    return { promise, view };
  });
}

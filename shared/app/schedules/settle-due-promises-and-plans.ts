/**
 * Decides, by the clock, the promises and plans whose deadlines passed without the payment that
 * would have decided them: a promise unpaid at the end of its due date + grace is broken; a plan
 * with a missed installment breaks (its invoices leave the plan and return to normal collection)
 * and a plan fully paid completes. The outcome is stored, audited, and the debtor's case woken.
 */
import { touch } from '../../domain/ledger/debtor-ledger';
import type { Invoice } from '../../domain/invoices/invoice';
import type { PaymentPlan } from '../../domain/plans/payment-plan';
import { promiseLastDay } from '../../domain/promises/promise';
import type { CalendarDate } from '../../domain/time/calendar-date';
import type { Change } from '../../ports/ledger-store';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { signalCase } from '../cases/signal-case';
import { scheduleActor } from '../cases/system-actor';
import { invoicesLeavingPlan } from '../plans/invoices-leaving-plan';
import { evaluateStoredPlan } from '../plans/plan-evaluation';
import { decidedPromises, receivedPayments } from '../promises/promise-evaluation';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';

type SettleServices = Pick<
  Services,
  'clock' | 'ids' | 'settings' | 'facts' | 'debtors' | 'ledger' | 'policies' | 'cases' | 'workflow'
>;

export async function settleDuePromisesAndPlans(
  services: SettleServices,
  tenantId: string,
  date: CalendarDate,
): Promise<{ promises: number; plans: number }> {
  const debtorIds = new Set<string>();
  for (const currency of await services.facts.currencies(tenantId)) {
    const records = await services.facts.records(tenantId, currency);
    for (const promise of records.promises) {
      if (promise.status === 'pending' && promiseLastDay(promise) < date) debtorIds.add(promise.debtorId);
    }
    for (const plan of records.plans) {
      if (plan.status === 'active') debtorIds.add(plan.debtorId);
    }
  }
  const settled = { promises: 0, plans: 0 };
  for (const debtorId of [...debtorIds].sort()) {
    const changed = await settleDebtor(services, tenantId, debtorId);
    settled.promises += changed.promises;
    settled.plans += changed.plans;
    if (changed.promises + changed.plans > 0) {
      await signalCase(services, tenantId, debtorId, 'promise or plan decided by the clock');
    }
  }
  return settled;
}

async function settleDebtor(services: SettleServices, tenantId: string, debtorId: string) {
  const debtor = await services.debtors.get(tenantId, debtorId);
  if (!debtor) return { promises: 0, plans: 0 };
  return retryOnConcurrentChange({ tenantId, debtorId }, async () => {
    const now = services.clock.now();
    const book = await services.ledger.book(tenantId, debtorId);
    const promises = decidedPromises(book.promises, receivedPayments(book.payments), now, debtor.timezone);
    const plans: Change<PaymentPlan>[] = [];
    const invoices: Change<Invoice>[] = [];
    for (const plan of book.plans.filter((candidate) => candidate.status === 'active')) {
      const evaluation = evaluateStoredPlan(plan, book.payments, now, debtor.timezone);
      if (evaluation.status === 'active') continue;
      plans.push({
        before: plan,
        after: { ...plan, status: evaluation.status, endedAt: now.toISOString(), version: plan.version + 1 },
      });
      if (evaluation.status !== 'broken') continue;
      invoices.push(...invoicesLeavingPlan(book.invoices, plan.id, now.toISOString()));
    }
    if (promises.length === 0 && plans.length === 0) return { promises: 0, plans: 0 };
    const audit = auditor(services.ids, scheduleActor(tenantId), now);
    await services.ledger.commit(
      {
        ledger: { before: book.ledger, after: touch(book.ledger, now) },
        changedPromises: promises,
        changedPlans: plans,
        changedInvoices: invoices,
      },
      {
        audit: [
          ...promises.map(({ before, after }) =>
            audit('promise', before.id, `promise.${after.status}`, before, after),
          ),
          ...plans.map(({ before, after }) =>
            audit('plan', before.id, `plan.${after.status}`, before, after),
          ),
          ...invoices.map(({ before, after }) =>
            audit('invoice', before.id, 'invoice.left_plan', before, after),
          ),
        ],
      },
    );
    return { promises: promises.length, plans: plans.length };
  });
}

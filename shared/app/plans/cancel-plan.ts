/**
 * Ends an active payment plan before its time — the debtor asked to end it, or the creditor
 * withdraws it: its invoices leave the plan and return to normal collection (the route wakes the
 * case, which resumes where the policy stands). A plan already ended — paid off, broken by a missed
 * installment (even one only the clock has yet to record), or cancelled — is refused (422).
 */
import { RuleViolationError, NotFoundError } from '../../domain/errors';
import { touch } from '../../domain/ledger/debtor-ledger';
import type { PaymentPlan } from '../../domain/plans/payment-plan';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { invoicesLeavingPlan } from './invoices-leaving-plan';
import { evaluateStoredPlan, planView } from './plan-evaluation';

export async function cancelPlan(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger'>,
  context: UseCaseContext,
  debtorId: string,
  planId: string,
  reason: string,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  return retryOnConcurrentChange({ tenantId: debtor.tenantId, debtorId: debtor.id }, async () => {
    const now = services.clock.now();
    const book = await services.ledger.book(debtor.tenantId, debtor.id);
    const plan = book.plans.find((candidate) => candidate.id === planId);
    if (!plan) throw new NotFoundError('Plan');
    const status =
      plan.status === 'active'
        ? evaluateStoredPlan(plan, book.payments, now, debtor.timezone).status
        : plan.status;
    if (status !== 'active') {
      throw new RuleViolationError(`The plan is ${status}: only an active plan can be cancelled`);
    }
    const at = now.toISOString();
    const cancelled: PaymentPlan = {
      ...plan,
      status: 'cancelled',
      endedAt: at,
      cancellation: { by: context.actor.sub, reason },
      version: plan.version + 1,
    };
    const invoices = invoicesLeavingPlan(book.invoices, plan.id, at);
    const view = planView(cancelled);
    const audit = auditor(services.ids, context.actor, now);
    await services.ledger.commit(
      {
        ledger: { before: book.ledger, after: touch(book.ledger, now) },
        changedPlans: [{ before: plan, after: cancelled }],
        changedInvoices: invoices,
      },
      {
        audit: [
          audit('plan', plan.id, 'plan.cancelled', plan, cancelled),
          ...invoices.map(({ before, after }) =>
            audit('invoice', before.id, 'invoice.left_plan', before, after),
          ),
        ],
        idempotency: context.idempotency && { ...context.idempotency, body: view },
      },
    );
    return view;
  });
}

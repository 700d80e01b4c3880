import { auditor } from '../audit/auditor';
import { NotFoundError, RuleViolationError, ValidationError } from '../../domain/errors';
import { invoiceStatus, outstanding, type Invoice } from '../../domain/invoices/invoice';
import { touch } from '../../domain/ledger/debtor-ledger';
import { money } from '../../domain/money/money';
import type { PaymentPlan } from '../../domain/plans/payment-plan';
import { schedule, type PlanFrequency } from '../../domain/plans/plan';
import { localDate, type CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findDebtorTakingRecords } from '../debtors/find-debtor';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { evaluateStoredPlan, planView } from './plan-evaluation';
import type { Debtor } from '../../domain/debtors/debtor';
import type { Change } from '../../ports/ledger-store';
import type { Actor } from '../../domain/actor';
import { selfServicePlanProblems } from '../../domain/plans/self-service-plans';

function isDebtorOnly(actor: Actor): boolean {
  return actor.roles.length > 0 && actor.roles.every((role) => role === 'debtor');
}

export interface PlanInput {
  invoiceIds: string[];
  installments: number;
  frequency: PlanFrequency;
  firstDueDate: CalendarDate;
  graceDays?: number;
}

/**
 * Agrees a payment plan over some of a debtor's invoices: what they owe now, split into
 * installments. The invoices leave normal dunning while the plan is active.
 */
export async function createPlan(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger' | 'settings'>,
  context: UseCaseContext,
  debtorId: string,
  input: PlanInput,
) {
  const debtor = await findDebtorTakingRecords(services.debtors, context.actor, debtorId);
  const planId = services.ids.next('pln');
  return retryOnConcurrentChange({ tenantId: debtor.tenantId, debtorId: debtor.id }, async () => {
    const now = services.clock.now();
    if (input.firstDueDate < localDate(now, debtor.timezone)) {
      throw new ValidationError([{ path: 'firstDueDate', message: 'must not be in the past' }]);
    }
    const { ledger, invoices } = await services.ledger.snapshot(debtor.tenantId, debtor.id);
    // A plan that broke or was paid off no longer holds its invoices: record how it ended.
    const { active: activePlans, ended: endedPlans } = await planStates(services, debtor, now);
    const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
    const covered = input.invoiceIds.map((id, index) => {
      const invoice = byId.get(id);
      if (!invoice) throw new NotFoundError(`Invoice invoiceIds.${index}`);
      return invoice;
    });
    const currency = covered[0]?.currency as string;
    covered.forEach((invoice) => {
      if (invoice.currency !== currency)
        throw new RuleViolationError('A plan covers invoices of one currency');
      if (outstanding(invoice) === 0)
        throw new RuleViolationError(`Invoice ${invoice.number} has nothing outstanding`);
      if (invoiceStatus(invoice) === 'disputed')
        throw new RuleViolationError(`Invoice ${invoice.number} is disputed`);
      if (invoice.planId && activePlans.has(invoice.planId))
        throw new RuleViolationError(`Invoice ${invoice.number} is already on plan ${invoice.planId}`);
    });
    const total = covered.reduce((sum, invoice) => sum + outstanding(invoice), 0);
    if (isDebtorOnly(context.actor)) {
      // The debtor asks on their own: only within what the creditor offers online.
      const { selfServicePlans } = await services.settings.get(debtor.tenantId);
      const problems = selfServicePlanProblems(
        selfServicePlans,
        {
          currency,
          total,
          installments: input.installments,
          frequency: input.frequency,
          firstDueDate: input.firstDueDate,
        },
        localDate(now, debtor.timezone),
      );
      if (problems.length > 0) throw new ValidationError(problems);
    }
    const plan: PaymentPlan = {
      id: planId,
      tenantId: debtor.tenantId,
      debtorId: debtor.id,
      invoiceIds: covered.map((invoice) => invoice.id),
      currency,
      total,
      frequency: input.frequency,
      graceDays: input.graceDays ?? 0,
      installments: schedule(money(total, currency), input.installments, input.frequency, input.firstDueDate),
      status: 'active',
      createdAt: now.toISOString(),
      createdBy: context.actor.sub,
      version: 1,
    };
    const changedInvoices = covered.map((before) => {
      const after: Invoice = {
        ...before,
        planId: plan.id,
        version: before.version + 1,
        updatedAt: now.toISOString(),
      };
      return { before, after };
    });
    const view = planView(plan);
    const audit = auditor(services.ids, context.actor, now);
    await services.ledger.commit(
      {
        ledger: { before: ledger, after: touch(ledger, now) },
        createdPlans: [plan],
        changedPlans: endedPlans,
        changedInvoices,
      },
      {
        audit: [
          audit('plan', plan.id, 'plan.agreed', null, plan),
          ...endedPlans.map(({ before, after }) =>
            audit('plan', before.id, `plan.${after.status}`, before, after),
          ),
          ...changedInvoices.map(({ before, after }) =>
            audit('invoice', before.id, 'invoice.on_plan', before, after),
          ),
        ],
        idempotency: context.idempotency && { ...context.idempotency, body: view },
      },
    );
    return { plan, view };
  });
}

async function planStates(services: Pick<Services, 'ledger'>, debtor: Debtor, now: Date) {
  const [plans, payments] = await Promise.all([
    services.ledger.listPlans(debtor.tenantId, debtor.id),
    services.ledger.allPayments(debtor.tenantId, debtor.id),
  ]);
  const active = new Set<string>();
  const ended: Change<PaymentPlan>[] = [];
  for (const plan of plans.filter((candidate) => candidate.status === 'active')) {
    const evaluation = evaluateStoredPlan(plan, payments, now, debtor.timezone);
    if (evaluation.status === 'active') active.add(plan.id);
    else
      ended.push({
        before: plan,
        after: { ...plan, status: evaluation.status, endedAt: now.toISOString(), version: plan.version + 1 },
      });
  }
  return { active, ended };
}

import type { Payment } from '../../domain/payments/payment';
import type { PaymentPlan } from '../../domain/plans/payment-plan';
import { evaluatePlan, type PlanEvaluation, type PlanPayment } from '../../domain/plans/plan';

/**
 * Money applied to a plan: allocations to its invoices made after it was agreed, from payments
 * that were not reversed. A payment back-dated before the plan counts from the plan's start.
 */
export function planPayments(plan: PaymentPlan, payments: readonly Payment[]): PlanPayment[] {
  const covered = new Set(plan.invoiceIds);
  const result: PlanPayment[] = [];
  for (const payment of payments) {
    if (payment.status !== 'applied') continue;
    for (const allocation of payment.allocations) {
      if (!covered.has(allocation.invoiceId) || allocation.appliedAt < plan.createdAt) continue;
      const receivedAt = payment.receivedAt > plan.createdAt ? payment.receivedAt : plan.createdAt;
      result.push({ amount: allocation.amount, receivedAt, currency: payment.currency });
    }
  }
  return result;
}

export function evaluateStoredPlan(
  plan: PaymentPlan,
  payments: readonly Payment[],
  now: Date,
  timeZone: string,
): PlanEvaluation {
  return evaluatePlan(plan, planPayments(plan, payments), now, timeZone, plan.graceDays);
}

export function planView(plan: PaymentPlan, evaluation?: PlanEvaluation) {
  const { tenantId: _tenantId, ...fields } = plan;
  if (!evaluation || plan.status === 'cancelled') return { ...fields, schedule: plan.installments };
  return {
    ...fields,
    // A plan the clock or a payment ended keeps its stored outcome; an active one shows today's.
    status: plan.status === 'active' ? evaluation.status : plan.status,
    paid: evaluation.paid,
    remaining: evaluation.remaining,
    nextDeadline: evaluation.reevaluateAt?.toISOString() ?? null,
    schedule: evaluation.installments.map((installment) => ({
      sequence: installment.sequence,
      dueDate: installment.dueDate,
      currency: installment.currency,
      amount: installment.amount,
      status: installment.status,
      paid: installment.paid,
      late: installment.late,
    })),
  };
}

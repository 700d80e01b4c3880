/**
 * What a debtor may agree on their own in the portal: a creditor offers self-service plans within
 * its rules (how many installments, how often, how soon the first, how small an installment);
 * anything beyond is a conversation with a collector. No rules: no self-service plans.
 */
import { addDays, type CalendarDate } from '../time/calendar-date';
import type { PlanFrequency } from './plan';

export interface SelfServicePlanRules {
  maxInstallments: number;
  frequencies: PlanFrequency[];
  /** The first installment falls due within this many days. */
  maxDaysToFirstInstallment: number;
  /** Smallest installment per currency, in minor units. */
  minInstallment?: Partial<Record<string, number>>;
}

export interface PlanRequest {
  currency: string;
  total: number;
  installments: number;
  frequency: PlanFrequency;
  firstDueDate: CalendarDate;
}

export function selfServicePlanProblems(
  rules: SelfServicePlanRules | undefined,
  request: PlanRequest,
  today: CalendarDate,
): { path: string; message: string }[] {
  if (!rules)
    return [{ path: 'installments', message: 'payment plans are agreed with a collector, not online' }];
  const problems: { path: string; message: string }[] = [];
  if (request.installments > rules.maxInstallments) {
    problems.push({ path: 'installments', message: `must be at most ${rules.maxInstallments}` });
  }
  if (!rules.frequencies.includes(request.frequency)) {
    problems.push({ path: 'frequency', message: `must be ${rules.frequencies.join(' or ')}` });
  }
  const latest = addDays(today, rules.maxDaysToFirstInstallment);
  if (request.firstDueDate > latest) {
    problems.push({ path: 'firstDueDate', message: `must be on or before ${latest}` });
  }
  const minimum = rules.minInstallment?.[request.currency];
  // The smallest installment of an exact split is the floor of the share.
  if (minimum !== undefined && Math.floor(request.total / request.installments) < minimum) {
    problems.push({
      path: 'installments',
      message: `each installment must be at least ${minimum} minor units`,
    });
  }
  return problems;
}

/**
 * When a policy's steps fall for an invoice: calendar days from its due date, so a step lands on
 * the same calendar day wherever the debtor lives (the send hour is applied in their time zone).
 */
import { addDays, type CalendarDate } from '../time/calendar-date';
import type { Policy, PolicyStep } from './policy';

export interface PlannedStep {
  step: PolicyStep;
  date: CalendarDate;
}

export function stepDate(dueDate: CalendarDate, step: Pick<PolicyStep, 'offsetDays'>): CalendarDate {
  return addDays(dueDate, step.offsetDays);
}

/** Every step of the policy with its date, in the order the steps run. */
export function plannedSteps(policy: Pick<Policy, 'steps'>, dueDate: CalendarDate): PlannedStep[] {
  return policy.steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.offsetDays - b.step.offsetDays || a.index - b.index)
    .map(({ step }) => ({ step, date: stepDate(dueDate, step) }));
}

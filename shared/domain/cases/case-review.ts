/**
 * ReviewCase: the one decision the workflow asks for each time it wakes. It re-reads the facts —
 * what is still owed, disputes, promises, plans, a cease request — and says what to do now and
 * when to look again. Everything else (sending through the compliance gate, creating call tasks)
 * is the application's job; this stays pure so it can be tested on any day of any zone.
 *
 * Rules (domain rules §8): paid → close; every open debt disputed → pause until a dispute is
 * answered; a pending promise skips the steps dated up to its due date + grace, and a broken one
 * escalates once; an active plan takes its invoices out of the cadence and a broken plan
 * escalates; a cease request stops contact but keeps the case. The cadence follows the oldest
 * invoice still in it; when several steps are due at once (a late start, the end of a pause) only
 * the latest is performed and the earlier ones are recorded as skipped, so a debtor never gets a
 * burst of reminders.
 */
import type { ContactChannel } from '../compliance/contact-channel';
import { outstanding, type Invoice } from '../invoices/invoice';
import { policySendHour, type Policy, type PolicyStep } from '../policies/policy';
import { plannedSteps } from '../policies/policy-schedule';
import { addDays, localDate, type CalendarDate } from '../time/calendar-date';
import { DAY_MS, dateToDayNumber, instantOfWallClock, MINUTE_MS } from '../time/zoned-time';
import { withEvents, type CaseEvent, type CollectionCase } from './collection-case';

/**
 * The longest a workflow waits without looking again: a paused case is re-read this often, and a
 * callback task's timeout stays well inside what every runtime can time (≈ 24.8 days for timers).
 */
export const MAX_WAIT_MS = 20 * DAY_MS;

export interface PromiseFact {
  id: string;
  status: 'pending' | 'kept' | 'broken' | 'cancelled';
  /** Instant a pending promise is decided (end of due date + grace, local). */
  deadline: Date;
  /** Its last local day (due date + grace). */
  lastDay: CalendarDate;
}

export interface PlanFact {
  id: string;
  status: 'active' | 'completed' | 'broken' | 'cancelled';
  invoiceIds: readonly string[];
  /** Active plan: when the next installment deadline passes. */
  reevaluateAt: Date | null;
}

export interface ReviewFacts {
  now: Date;
  timezone: string;
  policy: Policy;
  invoices: readonly Invoice[];
  promises: readonly PromiseFact[];
  plans: readonly PlanFact[];
  /** The debtor asked that communication cease (or cannot be contacted at all). */
  contactStopped: boolean;
}

export type ReviewAction =
  | { kind: 'contact'; invoiceId: string; stepIndex: number; step: PolicyStep; channels: ContactChannel[] }
  | {
      kind: 'call_task';
      invoiceId: string;
      stepIndex: number;
      step: PolicyStep;
      assignee: 'collector' | 'manager';
    }
  | { kind: 'escalate'; subjectId: string; reason: string }
  | { kind: 'handoff'; invoiceId: string; stepIndex: number; to: 'agency' | 'legal' }
  | { kind: 'close'; reason: 'settled' };

export interface ReviewDecision {
  case: CollectionCase;
  actions: ReviewAction[];
  nextActionAt: Date;
}

function contactChannels(step: PolicyStep): ContactChannel[] {
  if (step.action === 'final_notice') return [...(step.channels ?? ['email', 'letter'])];
  if (step.action === 'email' || step.action === 'sms' || step.action === 'letter') return [step.action];
  if (step.action === 'voice') return ['call'];
  return [];
}

/** When a step dated `date` is due: the policy's send hour on that day, in the debtor's zone. */
export function stepInstant(date: CalendarDate, policy: Pick<Policy, 'sendHour'>, timezone: string): Date {
  return new Date(
    instantOfWallClock(dateToDayNumber(date), policySendHour(policy) * 60 * MINUTE_MS, timezone),
  );
}

function byDueDate(a: Invoice, b: Invoice): number {
  return a.dueDate === b.dueDate ? a.number.localeCompare(b.number) : a.dueDate < b.dueDate ? -1 : 1;
}

export function reviewCase(current: CollectionCase, facts: ReviewFacts): ReviewDecision {
  const { now, policy, timezone } = facts;
  const at = now.toISOString();
  const events: CaseEvent[] = [];
  const actions: ReviewAction[] = [];
  const wakeCandidates: number[] = [now.getTime() + MAX_WAIT_MS];
  let next: CollectionCase = {
    ...current,
    progress: { ...current.progress },
    escalated: [...current.escalated],
  };

  const open = facts.invoices.filter((invoice) => outstanding(invoice) > 0).sort(byDueDate);
  if (open.length === 0) {
    events.push({ at, kind: 'closed', detail: 'Nothing is owed any more' });
    const { deferred: _deferred, currentStep: _step, pauseReason: _pause, ...rest } = next;
    return {
      case: {
        ...rest,
        status: 'closed',
        closedAt: at,
        closeReason: 'settled',
        history: withEvents(current, events),
      },
      actions: [{ kind: 'close', reason: 'settled' }],
      nextActionAt: now,
    };
  }

  // Broken promises and plans escalate once each.
  for (const promise of facts.promises) {
    if (promise.status === 'broken' && !next.escalated.includes(promise.id)) {
      next.escalated.push(promise.id);
      actions.push({ kind: 'escalate', subjectId: promise.id, reason: `Promise ${promise.id} was broken` });
      events.push({ at, kind: 'escalated', detail: `Broken promise ${promise.id}` });
    }
  }
  for (const plan of facts.plans) {
    if (plan.status === 'broken' && !next.escalated.includes(plan.id)) {
      next.escalated.push(plan.id);
      actions.push({ kind: 'escalate', subjectId: plan.id, reason: `Payment plan ${plan.id} was broken` });
      events.push({ at, kind: 'escalated', detail: `Broken payment plan ${plan.id}` });
    }
  }

  // A pending promise: no dunning until it is decided; the steps dated up to its last day are skipped.
  const pending = facts.promises.filter((promise) => promise.status === 'pending');
  if (pending.length > 0) {
    const lastDay = pending
      .map((promise) => promise.lastDay)
      .sort()
      .at(-1)!;
    const skipBefore = addDays(lastDay, 1);
    if (!next.skipBefore || next.skipBefore < skipBefore) {
      next.skipBefore = skipBefore;
      events.push({
        at,
        kind: 'promise_pending',
        detail: `Steps up to ${lastDay} are skipped while the promise stands`,
      });
    }
    wakeCandidates.push(Math.min(...pending.map((promise) => promise.deadline.getTime())));
  }

  const planned = new Set(
    facts.plans.filter((plan) => plan.status === 'active').flatMap((plan) => plan.invoiceIds),
  );
  for (const plan of facts.plans)
    if (plan.status === 'active' && plan.reevaluateAt) wakeCandidates.push(plan.reevaluateAt.getTime());
  const eligible = open.filter((invoice) => invoice.openDisputeId === undefined && !planned.has(invoice.id));

  let status: CollectionCase['status'] = 'active';
  let pauseReason: CollectionCase['pauseReason'];
  if (eligible.length === 0) {
    const disputed = open.some((invoice) => invoice.openDisputeId !== undefined);
    if (disputed && !open.some((invoice) => planned.has(invoice.id))) {
      status = 'paused';
      pauseReason = 'dispute';
    } else if (
      current.status !== 'active' ||
      !current.history.some((event) => event.kind === 'plan_active')
    ) {
      events.push({
        at,
        kind: 'plan_active',
        detail: 'Every open invoice is covered by an active payment plan',
      });
    }
  } else if (facts.contactStopped) {
    status = 'paused';
    pauseReason = 'cease';
  }

  const anchor = eligible[0];
  delete next.currentStep;
  if (anchor && pending.length === 0) {
    // An invoice the cadence first takes up after its due date (a case opened late, an older
    // invoice paid) starts its cadence today: it gets the due-date step and those after it,
    // rather than going straight to a final notice or a hand-off nobody was warned of.
    const today = localDate(now, timezone);
    const anchorDate = next.anchors?.[anchor.id] ?? (anchor.dueDate < today ? today : anchor.dueDate);
    if (anchorDate !== anchor.dueDate && next.anchors?.[anchor.id] === undefined) {
      events.push({
        at,
        kind: 'steps_skipped',
        detail: `Invoice ${anchor.number} was overdue when its cadence began: it runs from ${today}`,
        invoiceId: anchor.id,
      });
    }
    next.anchors = { ...next.anchors, [anchor.id]: anchorDate };
    const steps = plannedSteps(policy, anchorDate);
    const done = new Set(next.progress[anchor.id] ?? []);
    const upcomingStep = () => {
      const upcoming = steps.findIndex((_, index) => !done.has(index));
      if (upcoming >= 0) {
        const { step, date } = steps[upcoming]!;
        next.currentStep = { index: upcoming, action: step.action, invoiceId: anchor.id, date };
        wakeCandidates.push(stepInstant(date, policy, timezone).getTime());
      }
    };
    const deferred = next.deferred && next.deferred.invoiceId === anchor.id ? next.deferred : undefined;
    if (next.deferred && !deferred) {
      // Its invoice left the cadence (paid, disputed, planned): the deferred contact is moot.
      events.push({
        at,
        kind: 'send_deferred',
        detail: `Deferred step ${next.deferred.stepIndex} dropped: its invoice left the cadence`,
      });
      delete next.deferred;
    }
    if (deferred && Date.parse(deferred.notBefore) <= now.getTime() && !facts.contactStopped) {
      const step = steps[deferred.stepIndex]!.step;
      actions.push({
        kind: 'contact',
        invoiceId: anchor.id,
        stepIndex: deferred.stepIndex,
        step,
        channels: deferred.channels,
      });
      delete next.deferred;
      // The cadence goes on from where it stood: the next step keeps its day.
      upcomingStep();
    } else if (deferred) {
      wakeCandidates.push(Date.parse(deferred.notBefore));
    } else {
      const due: number[] = [];
      steps.forEach(({ step, date }, index) => {
        if (done.has(index)) return;
        if (next.skipBefore && date < next.skipBefore) {
          done.add(index);
          events.push({
            at,
            kind: 'steps_skipped',
            detail: `${step.action} of ${date} skipped: a promise stood`,
            stepIndex: index,
            invoiceId: anchor.id,
          });
          return;
        }
        if (stepInstant(date, policy, timezone).getTime() <= now.getTime()) due.push(index);
      });
      // Under a cease request only a hand-off may still happen.
      const performable = facts.contactStopped
        ? due.filter((index) => steps[index]!.step.action === 'handoff')
        : due;
      // The steps of the latest due day run together (an SMS and an email on +10); earlier ones are skipped.
      const latestDate = performable.length > 0 ? steps[performable.at(-1)!]!.date : undefined;
      const perform = performable.filter((index) => steps[index]!.date === latestDate);
      for (const index of due) {
        if (perform.includes(index) || (facts.contactStopped && !performable.includes(index))) continue;
        done.add(index);
        events.push({
          at,
          kind: 'steps_skipped',
          detail: `${steps[index]!.step.action} of ${steps[index]!.date} skipped: a later step is due`,
          stepIndex: index,
          invoiceId: anchor.id,
        });
      }
      for (const index of perform) {
        const { step } = steps[index]!;
        done.add(index);
        if (step.action === 'call_task') {
          actions.push({
            kind: 'call_task',
            invoiceId: anchor.id,
            stepIndex: index,
            step,
            assignee: step.assignee ?? 'collector',
          });
        } else if (step.action === 'handoff') {
          actions.push({
            kind: 'handoff',
            invoiceId: anchor.id,
            stepIndex: index,
            to: step.handoffTo ?? 'agency',
          });
        } else {
          actions.push({
            kind: 'contact',
            invoiceId: anchor.id,
            stepIndex: index,
            step,
            channels: contactChannels(step),
          });
        }
      }
      next.progress[anchor.id] = [...done].sort((a, b) => a - b);
      upcomingStep();
    }
  }

  const handoff = actions.find((action) => action.kind === 'handoff');
  if (handoff && handoff.kind === 'handoff') {
    events.push({
      at,
      kind: 'handed_off',
      detail: `Handed off to ${handoff.to}`,
      stepIndex: handoff.stepIndex,
      invoiceId: handoff.invoiceId,
    });
    const { currentStep: _step, deferred: _deferred, pauseReason: _pause, ...rest } = next;
    return {
      case: {
        ...rest,
        status: 'handed_off',
        closedAt: at,
        closeReason: 'handed_off',
        lastReviewedAt: at,
        reviews: current.reviews + 1,
        history: withEvents(current, events),
      },
      actions,
      nextActionAt: now,
    };
  }

  if (status !== current.status || pauseReason !== current.pauseReason) {
    events.push(
      status === 'paused'
        ? {
            at,
            kind: 'paused',
            detail:
              pauseReason === 'dispute'
                ? 'Every open invoice is disputed'
                : 'The debtor asked that communication cease',
          }
        : { at, kind: 'resumed', detail: 'Collection resumes' },
    );
  }
  // Never sooner than a second from now: a wake that changes nothing must not spin.
  const nextActionAt = new Date(Math.max(now.getTime() + 1000, Math.min(...wakeCandidates)));
  const { pauseReason: _previous, ...withoutPause } = next;
  next = {
    ...withoutPause,
    status,
    ...(pauseReason ? { pauseReason } : {}),
    nextActionAt: nextActionAt.toISOString(),
    lastReviewedAt: at,
    reviews: current.reviews + 1,
    history: withEvents(current, events),
  };
  return { case: next, actions, nextActionAt };
}

/**
 * The policy simulator: runs a cadence and the compliance gate over simulated time for a set of
 * debtors and reports every planned contact, every rule the cadence as written would have broken
 * (contacts the gate refused at their planned time, and why), and every breach in what was
 * actually sent — which the independent audit (`contact-breaches.ts`) must find empty. A manager
 * proves a cadence lawful before it goes live.
 *
 * Sending follows the product's rule: a refused contact is rescheduled to the gate's next allowed
 * instant, never dropped; one only a change of standing can allow waits for such a change.
 */
import { policySendHour, type Policy, type PolicyStep } from '../policies/policy';
import { plannedSteps } from '../policies/policy-schedule';
import { addDays, type CalendarDate } from '../time/calendar-date';
import { DAY_MS, dateToDayNumber, instantOfWallClock, MINUTE_MS } from '../time/zoned-time';
import type { ContactChannel } from './contact-channel';
import {
  findContactBreaches,
  type AuditedContact,
  type ContactBreach,
  type StandingChange,
} from './contact-breaches';
import { canContact, contactZones, type ContactRefusalCode } from './contact-gate';
import type { ContactRulePack } from './contact-rule-pack';
import type { ContactAttempt, ContactStanding, ContactSubject } from './contact-standing';

export interface SimulatedDebtor {
  readonly ref: string;
  readonly subject: ContactSubject;
  /** Due date of the debt the cadence runs against. */
  readonly dueDate: CalendarDate;
  readonly standing?: ContactStanding;
  /** Changes of standing on a day of the simulation (0 = its first day), e.g. a dispute opened. */
  readonly events?: readonly { readonly day: number; readonly change: Partial<ContactStanding> }[];
  /** Calls that reach the debtor, by call number (0-based): they start the quiet days. */
  readonly answersCalls?: readonly number[];
}

export interface SimulatedContact {
  readonly debtor: string;
  readonly step: number;
  readonly action: PolicyStep['action'];
  readonly channel: ContactChannel;
  readonly plannedAt: string;
  /** When it went out; absent when still waiting at the end of the simulation. */
  readonly sentAt?: string;
  /** Why it did not go out at its planned time (the rules the cadence would have broken). */
  readonly deferredFor: readonly ContactRefusalCode[];
  /** Still refused at the end: the reasons at its last try. */
  readonly blockedFor?: readonly ContactRefusalCode[];
}

export interface CadenceSimulation {
  readonly from: CalendarDate;
  readonly days: number;
  readonly debtors: number;
  readonly contacts: readonly SimulatedContact[];
  readonly handoffs: readonly { readonly debtor: string; readonly on: CalendarDate }[];
  readonly breaches: readonly (ContactBreach & { readonly debtor: string })[];
  readonly summary: {
    readonly planned: number;
    readonly sent: number;
    readonly sentOnTime: number;
    readonly deferred: number;
    readonly waiting: number;
    readonly byChannel: Readonly<Record<string, number>>;
    /** How often each rule stopped a contact at its planned time. */
    readonly wouldHaveBroken: Readonly<Record<string, number>>;
  };
}

interface Pending {
  readonly step: number;
  readonly action: PolicyStep['action'];
  readonly channel: ContactChannel;
  readonly plannedMs: number;
  atMs: number;
  deferredFor: Set<ContactRefusalCode>;
  blockedFor?: readonly ContactRefusalCode[];
  sentMs?: number;
}

function channelsOf(step: PolicyStep): ContactChannel[] {
  switch (step.action) {
    case 'email':
    case 'sms':
    case 'letter':
      return [step.action];
    case 'call_task':
    case 'voice':
      return ['call'];
    case 'final_notice':
      return [...(step.channels ?? ['email', 'letter'])];
    case 'handoff':
      return [];
  }
}

function standingTimeline(debtor: SimulatedDebtor, fromDay: number): StandingChange[] {
  const timeline: StandingChange[] = [{ at: new Date(0), standing: debtor.standing ?? {} }];
  let current: ContactStanding = debtor.standing ?? {};
  for (const event of [...(debtor.events ?? [])].sort((a, b) => a.day - b.day)) {
    current = { ...current, ...event.change };
    timeline.push({ at: new Date((fromDay + event.day) * DAY_MS + 12 * 60 * MINUTE_MS), standing: current });
  }
  return timeline;
}

function standingAt(timeline: readonly StandingChange[], atMs: number): ContactStanding {
  let current = timeline[0]!.standing;
  for (const change of timeline) if (change.at.getTime() <= atMs) current = change.standing;
  return current;
}

function simulateDebtor(
  policy: Policy,
  debtor: SimulatedDebtor,
  window: { fromMs: number; toMs: number; fromDay: number },
  tenantPack: ContactRulePack | undefined,
) {
  const zone = contactZones(debtor.subject)[0];
  const sendHourMs = policySendHour(policy) * 60 * MINUTE_MS;
  const timeline = standingTimeline(debtor, window.fromDay);
  const queue: Pending[] = [];
  let handoff: CalendarDate | undefined;
  plannedSteps(policy, debtor.dueDate).forEach(({ step, date }, index) => {
    const day = dateToDayNumber(date);
    const plannedMs = zone ? instantOfWallClock(day, sendHourMs, zone) : day * DAY_MS + sendHourMs;
    if (plannedMs < window.fromMs || plannedMs >= window.toMs) return;
    if (handoff) return; // nothing runs after the case is handed off
    if (step.action === 'handoff') handoff = date;
    for (const channel of channelsOf(step)) {
      queue.push({
        step: index,
        action: step.action,
        channel,
        plannedMs,
        atMs: plannedMs,
        deferredFor: new Set(),
      });
    }
  });

  const attempts: ContactAttempt[] = [];
  const sent: AuditedContact[] = [];
  const done: Pending[] = [];
  let calls = 0;
  let firstContactAtMs: number | undefined;
  let validationNoticeSentAtMs: number | undefined;
  const changeInstants = timeline.slice(1).map((change) => change.at.getTime());

  while (queue.length > 0) {
    queue.sort((a, b) => a.atMs - b.atMs || a.step - b.step);
    const item = queue.shift()!;
    if (item.atMs >= window.toMs) {
      done.push(item);
      continue;
    }
    // A call task is a collector's call; every other step is sent by the system.
    const automated = item.action !== 'call_task';
    const decision = canContact({
      subject: debtor.subject,
      standing: {
        ...standingAt(timeline, item.atMs),
        ...(firstContactAtMs !== undefined ? { firstContactAtMs } : {}),
        ...(validationNoticeSentAtMs !== undefined ? { validationNoticeSentAtMs } : {}),
      },
      attempts,
      request: { channel: item.channel, at: new Date(item.atMs), purpose: 'collection', automated },
      ...(tenantPack ? { tenantPack } : {}),
    });
    if (decision.allowed) {
      const conversation = item.channel === 'call' && (debtor.answersCalls ?? []).includes(calls);
      if (item.channel === 'call') calls += 1;
      attempts.push({ channel: item.channel, atMs: item.atMs, conversation, automated });
      // The first written message carries the validation notice where it is owed.
      const carriesNotice =
        decision.obligations.includes('validation_notice') &&
        (item.channel === 'letter' || item.channel === 'email');
      if (carriesNotice && validationNoticeSentAtMs === undefined) validationNoticeSentAtMs = item.atMs;
      firstContactAtMs ??= item.atMs;
      sent.push({
        channel: item.channel,
        at: new Date(item.atMs),
        conversation,
        purpose: carriesNotice ? 'validation_notice' : 'collection',
        automated,
      });
      item.sentMs = item.atMs;
      done.push(item);
      continue;
    }
    for (const reason of decision.reasons) item.deferredFor.add(reason.code);
    const next =
      decision.nextAllowedAt?.getTime() ??
      changeInstants.find((instant) => instant > item.atMs) ??
      Number.POSITIVE_INFINITY;
    if (next === Number.POSITIVE_INFINITY) {
      item.blockedFor = decision.reasons.map((reason) => reason.code);
      done.push(item);
      continue;
    }
    item.blockedFor = decision.reasons.map((reason) => reason.code);
    item.atMs = Math.max(next, item.atMs + 1);
    // An instant past the window ends the wait: the contact is reported as still waiting.
    queue.push(item);
  }

  const breaches = findContactBreaches({
    subject: debtor.subject,
    contacts: sent,
    standing: timeline,
    ...(tenantPack ? { tenantPack } : {}),
  }).map((breach) => ({ ...breach, debtor: debtor.ref }));
  const contacts: SimulatedContact[] = done
    .sort((a, b) => a.plannedMs - b.plannedMs || a.step - b.step)
    .map((item) => ({
      debtor: debtor.ref,
      step: item.step,
      action: item.action,
      channel: item.channel,
      plannedAt: new Date(item.plannedMs).toISOString(),
      ...(item.sentMs !== undefined ? { sentAt: new Date(item.sentMs).toISOString() } : {}),
      deferredFor: [...item.deferredFor],
      ...(item.sentMs === undefined && item.blockedFor ? { blockedFor: item.blockedFor } : {}),
    }));
  return { contacts, breaches, handoff };
}

export function simulateCadence(input: {
  policy: Policy;
  debtors: readonly SimulatedDebtor[];
  from: CalendarDate;
  days: number;
  tenantPack?: ContactRulePack;
}): CadenceSimulation {
  const fromDay = dateToDayNumber(input.from);
  // A day of margin either side: the window is in calendar days of every debtor's own zone.
  const window = {
    fromDay,
    fromMs: (fromDay - 1) * DAY_MS,
    toMs: dateToDayNumber(addDays(input.from, input.days + 1)) * DAY_MS,
  };
  const contacts: SimulatedContact[] = [];
  const breaches: (ContactBreach & { debtor: string })[] = [];
  const handoffs: { debtor: string; on: CalendarDate }[] = [];
  for (const debtor of input.debtors) {
    const result = simulateDebtor(input.policy, debtor, window, input.tenantPack);
    contacts.push(...result.contacts);
    breaches.push(...result.breaches);
    if (result.handoff) handoffs.push({ debtor: debtor.ref, on: result.handoff });
  }
  const byChannel: Record<string, number> = {};
  const wouldHaveBroken: Record<string, number> = {};
  let sent = 0;
  let onTime = 0;
  let deferred = 0;
  for (const contact of contacts) {
    if (contact.sentAt) {
      sent += 1;
      byChannel[contact.channel] = (byChannel[contact.channel] ?? 0) + 1;
      if (contact.sentAt === contact.plannedAt) onTime += 1;
    }
    if (contact.deferredFor.length > 0) deferred += 1;
    for (const code of contact.deferredFor) wouldHaveBroken[code] = (wouldHaveBroken[code] ?? 0) + 1;
  }
  return {
    from: input.from,
    days: input.days,
    debtors: input.debtors.length,
    contacts,
    handoffs,
    breaches,
    summary: {
      planned: contacts.length,
      sent,
      sentOnTime: onTime,
      deferred,
      waiting: contacts.length - sent,
      byChannel,
      wouldHaveBroken,
    },
  };
}

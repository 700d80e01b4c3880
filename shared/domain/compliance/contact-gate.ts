/**
 * The compliance gate: may this debtor be contacted on this channel at this instant? Every
 * automated send and every person asks it. It answers with every reason a contact is refused and
 * the first instant it would be allowed: `null` when only a change of state (a cease lifted, a
 * dispute answered, consent given) can allow it, so a refused send is rescheduled, never dropped.
 *
 * Rules come from the packs that govern the debt (`applicable-packs.ts`); a contact must satisfy
 * all of them. Contact hours are wall-clock hours in the debtor's zone, or in every zone of its
 * jurisdiction when its zone is unknown; caps count local calendar days (UTC days when no zone
 * can be known, so a cap never lapses for want of one).
 */
import { isValidTimeZone, type CalendarDate } from '../time/calendar-date';
import {
  DAY_MS,
  dayNumberToDate,
  instantOfWallClock,
  parseTimeOfDay,
  wallClock,
  zoneOffsetMinutes,
} from '../time/zoned-time';
import type { ContactChannel, ContactPurpose } from './contact-channel';
import type { ContactCap, ContactObligation, ContactRulePack } from './contact-rule-pack';
import type { ContactAttempt, ContactStanding, ContactSubject } from './contact-standing';
import { applicablePacks } from './applicable-packs';
import { jurisdictionZones } from './jurisdiction-zones';

export type ContactRefusalCode =
  | 'no_address'
  | 'deceased'
  | 'bankruptcy'
  | 'attorney_represented'
  | 'cease'
  | 'opted_out'
  | 'undeliverable'
  | 'do_not_call'
  | 'no_consent'
  | 'dispute_pending'
  | 'time_barred'
  | 'validation_notice_overdue'
  | 'unknown_local_time'
  | 'outside_contact_hours'
  | 'not_a_contact_day'
  | 'contact_cap_reached'
  | 'after_conversation';

export interface ContactRefusal {
  readonly code: ContactRefusalCode;
  readonly message: string;
  /** The pack (and citation) whose rule refused, for rules that come from a pack. */
  readonly rule?: string;
}

export interface ContactRequest {
  readonly channel: ContactChannel;
  readonly at: Date;
  readonly purpose?: ContactPurpose;
  /** The message threatens suit or legal action (never allowed on a time-barred debt). */
  readonly threatensSuit?: boolean;
  /** Sent by the system (a workflow step, a schedule): the caps on automated messages apply. */
  readonly automated?: boolean;
}

export interface ContactDecision {
  readonly allowed: boolean;
  readonly reasons: readonly ContactRefusal[];
  /** First instant at or after the request when the contact would be allowed; null: not by waiting. */
  readonly nextAllowedAt: Date | null;
  /** What an allowed message must carry (opt-out text, validation notice…). */
  readonly obligations: readonly ContactObligation[];
  readonly packs: readonly string[];
  /** Zones the hours were checked in. */
  readonly zones: readonly string[];
}

export interface ContactGateInput {
  readonly subject: ContactSubject;
  readonly standing: ContactStanding;
  /** Past attempts; the caps need the last few weeks at most. */
  readonly attempts: readonly ContactAttempt[];
  readonly request: ContactRequest;
  /** Tenant's own pack (tightening only). */
  readonly tenantPack?: ContactRulePack;
}

interface CompiledHours {
  readonly rule: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly channels: readonly ContactChannel[];
  readonly weekdays: readonly boolean[];
}

const compiledHours = new WeakMap<ContactRulePack, CompiledHours | null>();

function hoursOf(pack: ContactRulePack): CompiledHours | null {
  let compiled = compiledHours.get(pack);
  if (compiled === undefined) {
    const hours = pack.hours;
    compiled = hours
      ? {
          rule: `${pack.id}: ${pack.legalBasis}`,
          fromMs: parseTimeOfDay(hours.from),
          toMs: parseTimeOfDay(hours.to),
          channels: hours.channels,
          weekdays: [1, 2, 3, 4, 5, 6, 7].map((day) => !hours.weekdays || hours.weekdays.includes(day)),
        }
      : null;
    compiledHours.set(pack, compiled);
  }
  return compiled;
}

const packCache = new Map<string, readonly ContactRulePack[]>();

function packsFor(
  subject: ContactSubject,
  on: CalendarDate,
  tenantPack?: ContactRulePack,
): readonly ContactRulePack[] {
  if (tenantPack) return applicablePacks(subject.jurisdiction, subject.debtKind, on, tenantPack);
  const key = `${subject.jurisdiction}|${subject.debtKind}|${on}`;
  let packs = packCache.get(key);
  if (!packs) {
    if (packCache.size > 10_000) packCache.clear();
    packs = applicablePacks(subject.jurisdiction, subject.debtKind, on);
    packCache.set(key, packs);
  }
  return packs;
}

const zoneCache = new Map<string, boolean>();

function knownZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    known = isValidTimeZone(zone);
    zoneCache.set(zone, known);
  }
  return known;
}

/** The zones contact hours are checked in: the debtor's own, or all of its jurisdiction's. */
export function contactZones(subject: ContactSubject): readonly string[] {
  if (subject.timezone && knownZone(subject.timezone)) return [subject.timezone];
  return jurisdictionZones(subject.jurisdiction);
}

const PHONE: readonly ContactChannel[] = ['call', 'sms'];
const ESCAPE_CEASE: readonly ContactPurpose[] = ['cease_confirmation', 'legal_notice'];

function standingRefusals(
  input: ContactGateInput,
  packs: readonly ContactRulePack[],
  atMs: number,
): ContactRefusal[] {
  const { subject, standing, request } = input;
  const { channel } = request;
  const purpose = request.purpose ?? 'collection';
  const refusals: ContactRefusal[] = [];
  const legalLetter = purpose === 'legal_notice' && channel === 'letter';
  if (!subject.reachable[channel]) {
    refusals.push({
      code: 'no_address',
      message: `No ${channel === 'letter' ? 'postal address' : channel === 'email' ? 'email address' : 'phone number'} on file`,
    });
  }
  if (standing.deceased && !legalLetter) {
    refusals.push({
      code: 'deceased',
      message: 'The debtor is deceased: only a legal notice by letter to the estate',
    });
  }
  if (standing.bankruptcy && !legalLetter) {
    refusals.push({ code: 'bankruptcy', message: 'Bankruptcy stay: no collection contact' });
  }
  if (standing.attorneyRepresented && !legalLetter) {
    refusals.push({
      code: 'attorney_represented',
      message: 'Represented by an attorney: contact the attorney instead',
    });
  }
  if (standing.cease && !(ESCAPE_CEASE.includes(purpose) && (channel === 'letter' || channel === 'email'))) {
    refusals.push({ code: 'cease', message: 'The debtor asked that communication cease' });
  }
  if (standing.optOut?.[channel]) {
    refusals.push({ code: 'opted_out', message: `The debtor opted out of ${channel}` });
  }
  if (standing.undeliverable?.[channel]) {
    refusals.push({
      code: 'undeliverable',
      message: `The ${channel === 'email' ? 'email address' : 'number'} on file was reported undeliverable: update it to write again`,
    });
  }
  if (standing.doNotCall && PHONE.includes(channel)) {
    refusals.push({ code: 'do_not_call', message: 'The number is on a do-not-call list' });
  }
  for (const pack of packs) {
    if (pack.consentRequiredFor?.includes(channel) && !standing.consent?.[channel]) {
      refusals.push({
        code: 'no_consent',
        message: `No recorded consent to ${channel}`,
        rule: `${pack.id}: ${pack.legalBasis}`,
      });
      break;
    }
  }
  if (standing.allDebtDisputed && purpose === 'collection') {
    refusals.push({
      code: 'dispute_pending',
      message: 'Every open debt is disputed: collection waits for the answer',
    });
  }
  if (standing.timeBarred && request.threatensSuit) {
    refusals.push({ code: 'time_barred', message: 'The debt is time-barred: no threat of suit' });
  }
  for (const pack of packs) {
    const notice = pack.validationNotice;
    if (
      notice &&
      purpose !== 'validation_notice' &&
      standing.validationNoticeSentAtMs === undefined &&
      standing.firstContactAtMs !== undefined &&
      atMs > standing.firstContactAtMs + notice.sendWithinDays * DAY_MS
    ) {
      refusals.push({
        code: 'validation_notice_overdue',
        message: `The validation notice was due within ${notice.sendWithinDays} days of the first communication`,
        rule: `${pack.id}: 12 CFR 1006.34`,
      });
      break;
    }
  }
  return refusals;
}

/** A rule that depends only on time: refusal at `atMs`, or the earliest instant it could pass. */
interface TimeRule {
  check(atMs: number): ContactRefusal | undefined;
  /** Earliest instant ≥ atMs the rule passes; null when it never will by waiting. */
  nextFrom(atMs: number): number | null;
}

function hoursRule(hours: CompiledHours, zone: string): TimeRule {
  const inside = (atMs: number) => {
    const clock = wallClock(atMs, zone);
    return {
      clock,
      dayOk: hours.weekdays[clock.weekday - 1]!,
      timeOk: clock.timeOfDayMs >= hours.fromMs && clock.timeOfDayMs <= hours.toMs,
    };
  };
  return {
    check(atMs) {
      const { dayOk, timeOk } = inside(atMs);
      if (dayOk && timeOk) return undefined;
      return dayOk
        ? { code: 'outside_contact_hours', message: `Outside contact hours in ${zone}`, rule: hours.rule }
        : { code: 'not_a_contact_day', message: `Not a contact day in ${zone}`, rule: hours.rule };
    },
    nextFrom(atMs) {
      const { clock, dayOk, timeOk } = inside(atMs);
      if (dayOk && timeOk) return atMs;
      let day = clock.day;
      if (!(dayOk && clock.timeOfDayMs < hours.fromMs)) day += 1;
      for (let tries = 0; tries < 8; tries += 1, day += 1) {
        if (!hours.weekdays[(((day + 3) % 7) + 7) % 7]!) continue;
        const start = instantOfWallClock(day, hours.fromMs, zone);
        return Math.max(start, atMs + 1);
      }
      return null;
    },
  };
}

function localDay(atMs: number, zone: string | undefined): number {
  const offset = zone ? zoneOffsetMinutes(zone, atMs) : 0;
  return Math.floor((atMs + offset * 60_000) / DAY_MS);
}

function startOfDay(day: number, zone: string | undefined): number {
  return zone ? instantOfWallClock(day, 0, zone) : day * DAY_MS;
}

function capMessage(cap: ContactCap): string {
  const channels = cap.channels.join('/');
  if (!cap.automatedOnly) return `At most ${cap.maxAttempts} ${channels} attempts in ${cap.periodDays} days`;
  const period = cap.periodDays === 1 ? 'local day' : `${cap.periodDays} local days`;
  return cap.maxAttempts === 1
    ? `At most one automated ${channels} message per ${period}: the next one waits`
    : `At most ${cap.maxAttempts} automated ${channels} messages per ${period}`;
}

function capRule(
  pack: ContactRulePack,
  cap: ContactCap,
  attempts: readonly ContactAttempt[],
  zone: string | undefined,
): TimeRule {
  const perDay = new Map<number, number>();
  for (const attempt of attempts) {
    if (attempt.inbound || !cap.channels.includes(attempt.channel)) continue;
    if (cap.automatedOnly && (!attempt.automated || attempt.undelivered)) continue;
    const day = localDay(attempt.atMs, zone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const count = (from: number, to: number) => {
    let total = 0;
    for (const [day, n] of perDay) if (day >= from && day <= to) total += n;
    return total;
  };
  // The new contact on `day` must keep every window of `periodDays` that contains it within the cap.
  const fits = (day: number) => {
    if (perDay.size === 0) return true;
    for (let start = day - cap.periodDays + 1; start <= day; start += 1) {
      if (count(start, start + cap.periodDays - 1) + 1 > cap.maxAttempts) return false;
    }
    return true;
  };
  const refusal: ContactRefusal = {
    code: 'contact_cap_reached',
    message: capMessage(cap),
    rule: `${pack.id}: ${cap.citation}`,
  };
  return {
    check: (atMs) => (fits(localDay(atMs, zone)) ? undefined : refusal),
    nextFrom(atMs) {
      const day = localDay(atMs, zone);
      if (fits(day)) return atMs;
      const latest = Math.max(...perDay.keys());
      for (let next = day + 1; next <= latest + cap.periodDays; next += 1) {
        if (fits(next)) return startOfDay(next, zone);
      }
      return null;
    },
  };
}

function quietRule(
  pack: ContactRulePack,
  quiet: NonNullable<ContactRulePack['quietAfterConversation']>,
  attempts: readonly ContactAttempt[],
  zone: string | undefined,
): TimeRule {
  const conversations = attempts.filter((attempt) => attempt.conversation && attempt.channel === 'call');
  // The day of the conversation is the first of the quiet days.
  const quietUntilDay = (atMs: number) => {
    let until = -Infinity;
    for (const conversation of conversations) {
      if (conversation.atMs > atMs) continue;
      until = Math.max(until, localDay(conversation.atMs, zone) + quiet.days);
    }
    return until;
  };
  return {
    check: (atMs) =>
      localDay(atMs, zone) < quietUntilDay(atMs)
        ? {
            code: 'after_conversation',
            message: `No call within ${quiet.days} days of a telephone conversation`,
            rule: `${pack.id}: ${quiet.citation}`,
          }
        : undefined,
    nextFrom(atMs) {
      const until = quietUntilDay(atMs);
      return localDay(atMs, zone) < until ? startOfDay(until, zone) : atMs;
    },
  };
}

function timeRules(
  input: ContactGateInput,
  packs: readonly ContactRulePack[],
  zones: readonly string[],
): TimeRule[] {
  const { channel } = input.request;
  const rules: TimeRule[] = [];
  const primaryZone = zones[0];
  for (const pack of packs) {
    const hours = hoursOf(pack);
    if (hours && hours.channels.includes(channel))
      for (const zone of zones) rules.push(hoursRule(hours, zone));
    for (const cap of pack.caps ?? []) {
      if (!cap.channels.includes(channel) || (cap.automatedOnly && !input.request.automated)) continue;
      rules.push(capRule(pack, cap, input.attempts, primaryZone));
    }
    if (pack.quietAfterConversation && channel === 'call') {
      rules.push(quietRule(pack, pack.quietAfterConversation, input.attempts, primaryZone));
    }
  }
  return rules;
}

function earliestAllowed(rules: readonly TimeRule[], fromMs: number): number | null {
  let at = fromMs;
  // Each rule's answer is a lower bound, so moving to the latest of them and asking again reaches
  // the first instant all agree on; zones whose windows never overlap never agree.
  for (let round = 0; round < 64; round += 1) {
    let next = at;
    for (const rule of rules) {
      const candidate = rule.nextFrom(at);
      if (candidate === null) return null;
      if (candidate > next) next = candidate;
    }
    if (next === at) return at;
    at = next;
  }
  return null;
}

function obligationsFor(input: ContactGateInput, packs: readonly ContactRulePack[]): ContactObligation[] {
  const found = new Set<ContactObligation>();
  for (const pack of packs) {
    for (const { obligation, channels } of pack.obligations ?? []) {
      if (!channels.includes(input.request.channel)) continue;
      if (obligation === 'validation_notice' && input.standing.validationNoticeSentAtMs !== undefined)
        continue;
      if (obligation === 'time_barred_disclosure' && !input.standing.timeBarred) continue;
      found.add(obligation);
    }
  }
  return [...found];
}

export function canContact(input: ContactGateInput): ContactDecision {
  const decision = decide(input, input.request.at.getTime());
  if (decision.allowed || decision.nextAllowedAt === null) return decision;
  // Confirm the proposed instant under the packs in force on its own day (a rule may change).
  let next: Date | null = decision.nextAllowedAt;
  for (let tries = 0; next && tries < 4; tries += 1) {
    const later = decide(input, next.getTime());
    if (later.allowed) break;
    next = later.nextAllowedAt;
  }
  return { ...decision, nextAllowedAt: next };
}

function decide(input: ContactGateInput, atMs: number): ContactDecision {
  const zones = contactZones(input.subject);
  const dayInZone = zones[0]
    ? dayNumberToDate(localDay(atMs, zones[0]))
    : new Date(atMs).toISOString().slice(0, 10);
  const packs = packsFor(input.subject, dayInZone, input.tenantPack);
  const reasons = standingRefusals(input, packs, atMs);
  const needsLocalTime = packs.some((pack) => hoursOf(pack)?.channels.includes(input.request.channel));
  if (needsLocalTime && zones.length === 0) {
    reasons.push({
      code: 'unknown_local_time',
      message: 'Neither the debtor’s time zone nor its jurisdiction’s is known',
    });
  }
  const rules = timeRules(input, packs, zones);
  for (const rule of rules) {
    const refusal = rule.check(atMs);
    if (refusal && !reasons.some((reason) => reason.code === refusal.code && reason.rule === refusal.rule)) {
      reasons.push(refusal);
    }
  }
  const waitable = reasons.every((reason) => TIME_CODES.has(reason.code));
  const nextMs = reasons.length === 0 ? atMs : waitable ? earliestAllowed(rules, atMs) : null;
  return {
    allowed: reasons.length === 0,
    reasons,
    nextAllowedAt: nextMs === null ? null : new Date(nextMs),
    obligations: reasons.length === 0 ? obligationsFor(input, packs) : [],
    packs: packs.map((pack) => pack.id),
    zones,
  };
}

const TIME_CODES: ReadonlySet<ContactRefusalCode> = new Set([
  'outside_contact_hours',
  'not_a_contact_day',
  'contact_cap_reached',
  'after_conversation',
]);

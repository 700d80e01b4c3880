/**
 * An after-the-fact audit of a contact history against the rule packs: every rule a contact
 * broke. It is written independently of the gate (local times straight from Intl, caps counted
 * over every window, standing looked up on a timeline) so that it can check the gate: the policy
 * simulator and the property tests run contacts through the gate and this audit must find nothing.
 */
import { isValidTimeZone } from '../time/calendar-date';
import type { ContactChannel, ContactPurpose } from './contact-channel';
import type { ContactRulePack } from './contact-rule-pack';
import type { ContactStanding, ContactSubject } from './contact-standing';
import { applicablePacks } from './applicable-packs';
import { jurisdictionZones } from './jurisdiction-zones';

export interface AuditedContact {
  readonly channel: ContactChannel;
  readonly at: Date;
  readonly purpose?: ContactPurpose;
  readonly conversation?: boolean;
  readonly threatensSuit?: boolean;
  /** Sent by the system, not by a person: the caps on automated messages count it. */
  readonly automated?: boolean;
  /** Reported as never reaching the debtor: the caps on automated messages leave it out. */
  readonly undelivered?: boolean;
}

/** The debtor's standing from `at` on (until the next change). */
export interface StandingChange {
  readonly at: Date;
  readonly standing: ContactStanding;
}

export interface ContactBreach {
  readonly contact: number;
  readonly rule: string;
  readonly message: string;
}

interface LocalReading {
  readonly date: string;
  readonly weekday: number;
  readonly seconds: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function readLocal(at: Date, zone: string): LocalReading {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday!]!,
    seconds:
      Number(parts.hour) * 3600 +
      Number(parts.minute) * 60 +
      Number(parts.second) +
      at.getUTCMilliseconds() / 1000,
  };
}

function seconds(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 3600 + minutes! * 60;
}

function dayIndex(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function standingAt(timeline: readonly StandingChange[], at: Date): ContactStanding {
  let current: ContactStanding = {};
  for (const change of timeline) if (change.at.getTime() <= at.getTime()) current = change.standing;
  return current;
}

export function findContactBreaches(input: {
  subject: ContactSubject;
  contacts: readonly AuditedContact[];
  standing?: readonly StandingChange[];
  tenantPack?: ContactRulePack;
}): ContactBreach[] {
  const { subject, contacts } = input;
  const timeline = [...(input.standing ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
  const zones =
    subject.timezone && isValidTimeZone(subject.timezone)
      ? [subject.timezone]
      : jurisdictionZones(subject.jurisdiction);
  const breaches: ContactBreach[] = [];
  const breach = (contact: number, rule: string, message: string) =>
    breaches.push({ contact, rule, message });
  const ordered = contacts
    .map((contact, index) => ({ contact, index }))
    .sort((a, b) => a.contact.at.getTime() - b.contact.at.getTime());
  const firstContact = ordered[0]?.contact.at.getTime();
  const firstNotice = ordered
    .find(({ contact }) => contact.purpose === 'validation_notice')
    ?.contact.at.getTime();

  contacts.forEach((contact, index) => {
    const purpose = contact.purpose ?? 'collection';
    const primary = zones[0] ? readLocal(contact.at, zones[0]) : undefined;
    const packs = applicablePacks(
      subject.jurisdiction,
      subject.debtKind,
      primary?.date ?? contact.at.toISOString().slice(0, 10),
      input.tenantPack,
    );
    const standing = standingAt(timeline, contact.at);
    const legalLetter = purpose === 'legal_notice' && contact.channel === 'letter';
    if (!subject.reachable[contact.channel]) breach(index, 'address', 'contacted without an address on file');
    if (standing.deceased && !legalLetter) breach(index, 'deceased', 'contacted a deceased debtor');
    if (standing.bankruptcy && !legalLetter)
      breach(index, 'bankruptcy', 'contacted during a bankruptcy stay');
    if (standing.attorneyRepresented && !legalLetter)
      breach(index, 'attorney', 'contacted a represented debtor');
    if (
      standing.cease &&
      !(
        (purpose === 'cease_confirmation' || purpose === 'legal_notice') &&
        (contact.channel === 'letter' || contact.channel === 'email')
      )
    ) {
      breach(index, 'cease', 'contacted after a cease request');
    }
    if (standing.optOut?.[contact.channel])
      breach(index, 'opt-out', `used ${contact.channel} after an opt-out`);
    if (standing.doNotCall && (contact.channel === 'call' || contact.channel === 'sms')) {
      breach(index, 'do-not-call', 'telephoned a do-not-call number');
    }
    if (standing.allDebtDisputed && purpose === 'collection')
      breach(index, 'dispute', 'collected a disputed debt');
    if (standing.timeBarred && contact.threatensSuit)
      breach(index, 'time-barred', 'threatened suit on a time-barred debt');

    for (const pack of packs) {
      if (pack.consentRequiredFor?.includes(contact.channel) && !standing.consent?.[contact.channel]) {
        breach(index, pack.id, `${contact.channel} without consent`);
      }
      const hours = pack.hours;
      if (hours && hours.channels.includes(contact.channel)) {
        if (zones.length === 0) breach(index, pack.id, 'contact hours unknowable: no zone');
        for (const zone of zones) {
          const local = readLocal(contact.at, zone);
          if (local.seconds < seconds(hours.from) || local.seconds > seconds(hours.to)) {
            breach(index, pack.id, `at ${local.date} ${Math.floor(local.seconds / 3600)}h local in ${zone}`);
          }
          if (hours.weekdays && !hours.weekdays.includes(local.weekday)) {
            breach(index, pack.id, `on weekday ${local.weekday} in ${zone}`);
          }
        }
      }
      if (
        pack.validationNotice &&
        purpose !== 'validation_notice' &&
        firstContact !== undefined &&
        contact.at.getTime() > firstContact + pack.validationNotice.sendWithinDays * 86_400_000 &&
        (firstNotice === undefined || firstNotice > contact.at.getTime())
      ) {
        breach(index, pack.id, 'collection contact after the validation notice fell due');
      }
      // Days on the debtor's calendar, or UTC's when no zone can be known.
      const dateOf = (at: Date) => (zones[0] ? readLocal(at, zones[0]).date : at.toISOString().slice(0, 10));
      const day = dayIndex(dateOf(contact.at));
      for (const cap of pack.caps ?? []) {
        if (!cap.channels.includes(contact.channel)) continue;
        if (cap.automatedOnly && (!contact.automated || contact.undelivered)) continue;
        const days = contacts
          .filter(
            (other) =>
              cap.channels.includes(other.channel) &&
              (!cap.automatedOnly || (other.automated && !other.undelivered)),
          )
          .map((other) => dayIndex(dateOf(other.at)));
        for (let start = day - cap.periodDays + 1; start <= day; start += 1) {
          const inWindow = days.filter((other) => other >= start && other < start + cap.periodDays).length;
          if (inWindow > cap.maxAttempts) {
            breach(index, `${pack.id}: ${cap.citation}`, `${inWindow} attempts in ${cap.periodDays} days`);
            break;
          }
        }
      }
      const quiet = pack.quietAfterConversation;
      if (quiet && contact.channel === 'call') {
        const talked = contacts.some(
          (other) =>
            other !== contact &&
            other.channel === 'call' &&
            other.conversation &&
            other.at.getTime() < contact.at.getTime() &&
            day - dayIndex(dateOf(other.at)) < quiet.days,
        );
        if (talked)
          breach(index, `${pack.id}: ${quiet.citation}`, 'called within the quiet days after a conversation');
      }
    }
  });
  return breaches;
}

import fc from 'fast-check';
import {
  findContactBreaches,
  type AuditedContact,
  type StandingChange,
} from '../../../shared/domain/compliance/contact-breaches';
import { CONTACT_CHANNELS, type ContactPurpose } from '../../../shared/domain/compliance/contact-channel';
import { canContact } from '../../../shared/domain/compliance/contact-gate';
import type {
  ContactAttempt,
  ContactStanding,
  ContactSubject,
} from '../../../shared/domain/compliance/contact-standing';
import { jurisdictionZones } from '../../../shared/domain/compliance/jurisdiction-zones';
import { isValidTimeZone } from '../../../shared/domain/time/calendar-date';

// Zones with DST in either hemisphere, half- and quarter-hour offsets, and a 30-minute DST shift.
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Santiago',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Honolulu',
];
const JURISDICTIONS = ['US-NY', 'US-MA', 'US-CA', 'US-TX', 'US-FL', 'US', 'GB', 'DE', 'FR', 'ES', 'JP', 'ZZ'];
// Around the 2026 DST changes of both hemispheres.
const START = Date.parse('2026-03-01T00:00:00Z');
const SPAN_MS = 75 * 86_400_000;

const subject = fc.record({
  debtKind: fc.constantFrom('consumer' as const, 'business' as const),
  jurisdiction: fc.constantFrom(...JURISDICTIONS),
  timezone: fc.option(fc.constantFrom(...ZONES, 'Mars/Olympus'), { nil: undefined }),
  reachable: fc.record({ call: fc.boolean(), sms: fc.boolean(), email: fc.boolean(), letter: fc.boolean() }),
});

const standing: fc.Arbitrary<ContactStanding> = fc.record(
  {
    cease: fc.boolean(),
    optOut: fc.record({ email: fc.boolean(), sms: fc.boolean(), call: fc.boolean() }, { requiredKeys: [] }),
    consent: fc.record({ sms: fc.boolean() }, { requiredKeys: [] }),
    doNotCall: fc.boolean(),
    bankruptcy: fc.boolean(),
    deceased: fc.boolean(),
    allDebtDisputed: fc.boolean(),
    timeBarred: fc.boolean(),
  },
  { requiredKeys: [] },
);

const proposal = fc.record({
  offsetMs: fc.integer({ min: 0, max: SPAN_MS }),
  channel: fc.constantFrom(...CONTACT_CHANNELS),
  purpose: fc.constantFrom<ContactPurpose>(
    'collection',
    'collection',
    'collection',
    'validation_notice',
    'cease_confirmation',
    'legal_notice',
  ),
  threatensSuit: fc.boolean(),
  conversation: fc.boolean(),
  // Sent by the system (the caps on automated messages apply) or by a person.
  automated: fc.boolean(),
  retryAtNext: fc.boolean(),
});

const scenario = fc.record({
  subject,
  changes: fc.array(fc.record({ offsetMs: fc.integer({ min: 0, max: SPAN_MS }), standing }), {
    maxLength: 4,
  }),
  proposals: fc.array(proposal, { minLength: 1, maxLength: 60 }),
});

describe('the gate never allows a contact that breaks a rule (property)', () => {
  it('a history built only from allowed contacts has no breach, and a refused contact is allowed at its next allowed instant', () => {
    fc.assert(
      fc.property(scenario, ({ subject: debtor, changes, proposals }) => {
        const timeline: StandingChange[] = [{ at: new Date(START), standing: { consent: { sms: true } } }];
        for (const change of changes)
          timeline.push({ at: new Date(START + change.offsetMs), standing: change.standing });
        timeline.sort((a, b) => a.at.getTime() - b.at.getTime());
        const standingAt = (atMs: number) => {
          let current: ContactStanding = {};
          for (const change of timeline) if (change.at.getTime() <= atMs) current = change.standing;
          return current;
        };
        const sent: AuditedContact[] = [];
        const attempts: ContactAttempt[] = [];
        const ordered = [...proposals].sort((a, b) => a.offsetMs - b.offsetMs);
        // Time only moves forward: a contact retried later holds back the ones after it.
        let clockMs = START;
        for (const item of ordered) {
          let atMs = Math.max(START + item.offsetMs, clockMs);
          const validationSent = sent.find((contact) => contact.purpose === 'validation_notice');
          const ask = (at: number) =>
            canContact({
              subject: debtor as ContactSubject,
              standing: {
                ...standingAt(at),
                ...(sent[0] ? { firstContactAtMs: sent[0].at.getTime() } : {}),
                ...(validationSent ? { validationNoticeSentAtMs: validationSent.at.getTime() } : {}),
              },
              attempts,
              request: {
                channel: item.channel,
                at: new Date(at),
                purpose: item.purpose,
                threatensSuit: item.threatensSuit,
                automated: item.automated,
              },
            });
          let decision = ask(atMs);
          if (!decision.allowed && decision.nextAllowedAt && item.retryAtNext) {
            const next = decision.nextAllowedAt.getTime();
            expect(next).toBeGreaterThanOrEqual(atMs);
            // A standing change in between may refuse it again; otherwise it must be allowed.
            const changed = timeline.some(
              (change) => change.at.getTime() > atMs && change.at.getTime() <= next,
            );
            if (sent.length > 0 && attempts.length > 0 && next > atMs) {
              // Minimality, sampled: the instant halfway is still refused when nothing changed.
              const middle = Math.floor((atMs + next) / 2);
              if (!changed && middle > atMs && middle < next) expect(ask(middle).allowed).toBe(false);
            }
            decision = ask(next);
            if (!changed) expect(decision.allowed).toBe(true);
            atMs = next;
          }
          clockMs = atMs;
          if (decision.allowed) {
            const conversation = item.channel === 'call' && item.conversation;
            sent.push({
              channel: item.channel,
              at: new Date(atMs),
              purpose: item.purpose,
              threatensSuit: item.threatensSuit,
              conversation,
              automated: item.automated,
            });
            attempts.push({ channel: item.channel, atMs, conversation, automated: item.automated });
          }
        }
        // The audit orders nothing and assumes nothing: it checks what was sent against the packs.
        expect(
          findContactBreaches({ subject: debtor as ContactSubject, contacts: sent, standing: timeline }),
        ).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the audit does find breaches when contacts bypass the gate (it is not vacuous)', () => {
    const debtor: ContactSubject = {
      debtKind: 'consumer',
      jurisdiction: 'US-MA',
      timezone: 'America/New_York',
      reachable: { call: true, sms: true, email: true, letter: true },
    };
    const contacts: AuditedContact[] = [
      { channel: 'call', at: new Date('2026-05-11T11:00:00Z') }, // 07:00 EDT
      { channel: 'call', at: new Date('2026-05-11T15:00:00Z'), conversation: true },
      { channel: 'call', at: new Date('2026-05-12T15:00:00Z') }, // 3rd in 7 days (MA) and within the quiet days
    ];
    const breaches = findContactBreaches({
      subject: debtor,
      contacts,
      standing: [{ at: new Date(0), standing: { cease: false } }],
    });
    expect(breaches.map((breach) => breach.contact)).toEqual(expect.arrayContaining([0, 2]));
    expect(breaches.some((breach) => breach.rule.includes('940 CMR'))).toBe(true);
    expect(breaches.some((breach) => breach.rule.includes('1006.14(b)(2)(i)(B)'))).toBe(true);
  });

  it('the audit finds a second automated message on a channel the same local day, not a person’s', () => {
    const debtor: ContactSubject = {
      debtKind: 'business',
      jurisdiction: 'DE',
      timezone: 'Europe/Berlin',
      reachable: { call: true, sms: true, email: true, letter: true },
    };
    const contacts: AuditedContact[] = [
      { channel: 'email', at: new Date('2026-05-11T08:00:00Z'), automated: true },
      { channel: 'email', at: new Date('2026-05-11T09:00:00Z') }, // a collector's
      { channel: 'letter', at: new Date('2026-05-11T09:00:00Z'), automated: true },
      { channel: 'email', at: new Date('2026-05-11T17:00:00Z'), automated: true }, // 19:00 CEST, same day
      { channel: 'email', at: new Date('2026-05-12T06:00:00Z'), automated: true }, // 08:00 CEST, next day
    ];
    const breaches = findContactBreaches({ subject: debtor, contacts });
    expect(breaches.map((breach) => [breach.contact, breach.rule])).toEqual([
      [0, expect.stringContaining('recoup-defaults')],
      [3, expect.stringContaining('recoup-defaults')],
    ]);
  });

  it('every zone in the jurisdiction table is a zone this runtime knows', () => {
    for (const jurisdiction of ['US', 'CA', 'AU', 'MX', 'BR', 'PT', 'ES', ...JURISDICTIONS]) {
      for (const zone of jurisdictionZones(jurisdiction)) expect(isValidTimeZone(zone)).toBe(true);
    }
  });
});

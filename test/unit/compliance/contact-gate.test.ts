import { canContact, type ContactGateInput } from '../../../shared/domain/compliance/contact-gate';
import type {
  ContactAttempt,
  ContactStanding,
  ContactSubject,
} from '../../../shared/domain/compliance/contact-standing';
import type { ContactChannel, ContactPurpose } from '../../../shared/domain/compliance/contact-channel';
import { tenantRulePack } from '../../../shared/domain/compliance/tenant-contact-rules';

const reachable = { call: true, sms: true, email: true, letter: true };
const newYorkConsumer: ContactSubject = {
  debtKind: 'consumer',
  jurisdiction: 'US-NY',
  timezone: 'America/New_York',
  reachable,
};

function ask(
  at: string,
  options: {
    channel?: ContactChannel;
    subject?: Partial<ContactSubject>;
    standing?: ContactStanding;
    attempts?: ContactAttempt[];
    purpose?: ContactPurpose;
    threatensSuit?: boolean;
    tenantPack?: ContactGateInput['tenantPack'];
  } = {},
) {
  return canContact({
    subject: { ...newYorkConsumer, ...options.subject },
    standing: options.standing ?? { consent: { sms: true } },
    attempts: options.attempts ?? [],
    request: {
      channel: options.channel ?? 'call',
      at: new Date(at),
      ...(options.purpose ? { purpose: options.purpose } : {}),
      ...(options.threatensSuit ? { threatensSuit: true } : {}),
    },
    ...(options.tenantPack ? { tenantPack: options.tenantPack } : {}),
  });
}

const call = (at: string, conversation = false): ContactAttempt => ({
  channel: 'call',
  atMs: Date.parse(at),
  conversation,
});

describe('contact hours in the debtor’s local time (domain rules §7 worked cases, US DST 2026)', () => {
  it('refuses 07:45 EDT and names 08:00 EDT as the next allowed instant', () => {
    const decision = ask('2026-03-10T11:45:00Z');
    expect(decision.allowed).toBe(false);
    expect(decision.reasons.map((reason) => reason.code)).toEqual(['outside_contact_hours']);
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-03-10T12:00:00.000Z');
  });

  it('refuses 07:45 EST the day before the change, next allowed 13:00Z', () => {
    const decision = ask('2026-03-07T12:45:00Z');
    expect(decision.allowed).toBe(false);
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-03-07T13:00:00.000Z');
  });

  it('allows 20:45 EST on 2026-11-02 (01:45Z the next UTC day)', () => {
    const decision = ask('2026-11-03T01:45:00Z');
    expect(decision).toMatchObject({ allowed: true, reasons: [] });
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-11-03T01:45:00.000Z');
  });

  it('refuses 07:30 local on the mornings the clocks change, in both directions', () => {
    // 2026-03-08: 07:30 EDT = 11:30Z (an hour earlier in UTC than the day before).
    expect(ask('2026-03-08T11:30:00Z').nextAllowedAt?.toISOString()).toBe('2026-03-08T12:00:00.000Z');
    expect(ask('2026-03-08T11:30:00Z').allowed).toBe(false);
    // 2026-11-01: 07:30 EST = 12:30Z.
    expect(ask('2026-11-01T12:30:00Z').allowed).toBe(false);
    expect(ask('2026-11-01T12:30:00Z').nextAllowedAt?.toISOString()).toBe('2026-11-01T13:00:00.000Z');
    // 12:30Z on 2026-03-08 is 08:30 EDT: allowed, though it would be 07:30 under EST.
    expect(ask('2026-03-08T12:30:00Z').allowed).toBe(true);
  });

  it('allows exactly 08:00:00 and 21:00:00 local, not a second outside', () => {
    expect(ask('2026-03-09T12:00:00Z').allowed).toBe(true); // 08:00 EDT
    expect(ask('2026-03-09T11:59:59Z').allowed).toBe(false);
    expect(ask('2026-03-10T01:00:00Z').allowed).toBe(true); // 21:00 EDT on 03-09
    const late = ask('2026-03-10T01:00:01Z');
    expect(late.allowed).toBe(false);
    expect(late.nextAllowedAt?.toISOString()).toBe('2026-03-10T12:00:00.000Z');
    expect(ask('2026-11-02T02:00:00Z').allowed).toBe(true); // 21:00 EST on 11-01
    expect(ask('2026-11-02T02:00:01Z').allowed).toBe(false);
  });

  it('lets letters go at any hour: the hours rule governs calls, texts and emails', () => {
    expect(ask('2026-03-10T06:00:00Z', { channel: 'letter' }).allowed).toBe(true);
    expect(ask('2026-03-10T06:00:00Z', { channel: 'email' }).allowed).toBe(false);
  });

  it('checks every zone of the jurisdiction when the debtor’s zone is unknown (Texas: Central and Mountain)', () => {
    const texas = { jurisdiction: 'US-TX', timezone: undefined };
    // 13:30Z in May is 08:30 CDT but 07:30 MDT (El Paso).
    const decision = ask('2026-05-12T13:30:00Z', { subject: texas });
    expect(decision.allowed).toBe(false);
    expect(decision.zones).toEqual(['America/Chicago', 'America/Denver']);
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-05-12T14:00:00.000Z');
    // 02:30Z is 21:30 CDT: too late in Chicago though 20:30 in Denver.
    expect(ask('2026-05-13T02:30:00Z', { subject: texas }).allowed).toBe(false);
    expect(ask('2026-05-13T01:30:00Z', { subject: { ...texas, timezone: 'Not/AZone' } }).allowed).toBe(true);
  });

  it('refuses hours-bound channels when no zone can be known, but still lets a letter go', () => {
    const nowhere = { jurisdiction: 'ZZ', timezone: undefined };
    const decision = ask('2026-05-12T15:00:00Z', { subject: nowhere, channel: 'email' });
    expect(decision.reasons.map((reason) => reason.code)).toContain('unknown_local_time');
    expect(decision.nextAllowedAt).toBeNull();
    expect(ask('2026-05-12T15:00:00Z', { subject: nowhere, channel: 'letter' }).allowed).toBe(true);
  });
});

describe('call caps', () => {
  const sevenAttempts = [
    call('2026-05-11T14:00:00Z'),
    call('2026-05-11T19:00:00Z'),
    call('2026-05-12T14:00:00Z'),
    call('2026-05-12T18:00:00Z'),
    call('2026-05-13T13:00:00Z'),
    call('2026-05-13T15:00:00Z'),
    call('2026-05-13T20:00:00Z'),
  ];

  it('refuses the 8th attempt in 7 days and allows it at 08:00 local once the 05-11 attempts leave the window', () => {
    const decision = ask('2026-05-14T15:00:00Z', { attempts: sevenAttempts });
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      expect.objectContaining({ code: 'contact_cap_reached', rule: expect.stringContaining('1006.14') }),
    ]);
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-05-18T12:00:00.000Z');
    expect(ask('2026-05-17T23:00:00Z', { attempts: sevenAttempts }).allowed).toBe(false);
    expect(ask('2026-05-18T12:00:00Z', { attempts: sevenAttempts }).allowed).toBe(true);
  });

  it('does not count texts, emails or letters toward the federal call cap', () => {
    const texts = sevenAttempts.map((attempt) => ({ ...attempt, channel: 'sms' as const }));
    expect(ask('2026-05-14T15:00:00Z', { attempts: texts }).allowed).toBe(true);
  });

  it('keeps calls away for 7 days from a telephone conversation (its day is the first)', () => {
    const talked = [call('2026-05-11T15:00:00Z', true)];
    const decision = ask('2026-05-17T20:00:00Z', { attempts: talked });
    expect(decision.reasons.map((reason) => reason.code)).toEqual(['after_conversation']);
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-05-18T12:00:00.000Z');
    expect(ask('2026-05-11T16:00:00Z', { attempts: talked }).allowed).toBe(false);
    // An email is not a telephone call.
    expect(ask('2026-05-12T15:00:00Z', { attempts: talked, channel: 'email' }).allowed).toBe(true);
  });

  it('Massachusetts: two telephone communications (calls and texts) per 7 days', () => {
    const massachusetts = { jurisdiction: 'US-MA' };
    const attempts: ContactAttempt[] = [
      call('2026-05-11T14:00:00Z'),
      { channel: 'sms', atMs: Date.parse('2026-05-12T14:00:00Z') },
    ];
    const decision = ask('2026-05-13T14:00:00Z', { subject: massachusetts, attempts });
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]).toMatchObject({
      code: 'contact_cap_reached',
      rule: expect.stringContaining('940 CMR 7.04'),
    });
    expect(decision.packs).toEqual(['us-federal-consumer', 'us-ma-consumer', 'recoup-defaults']);
    // 05-11 leaves the window on 05-18; one attempt (05-12) remains.
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-05-18T12:00:00.000Z');
    expect(ask('2026-05-13T14:00:00Z', { subject: massachusetts, attempts, channel: 'sms' }).allowed).toBe(
      false,
    );
    expect(ask('2026-05-13T14:00:00Z', { subject: massachusetts, attempts, channel: 'email' }).allowed).toBe(
      true,
    );
    // The same history in New York is well within the federal cap.
    expect(ask('2026-05-13T14:00:00Z', { attempts }).allowed).toBe(true);
  });
});

describe('standing: cease, opt-out, consent, disputes and the rest', () => {
  it('pauses collection while every debt is disputed, and lets the validation notice through', () => {
    const standing = { allDebtDisputed: true, consent: { sms: true } };
    const decision = ask('2026-05-12T15:00:00Z', { standing, channel: 'email' });
    expect(decision).toMatchObject({ allowed: false, nextAllowedAt: null });
    expect(decision.reasons.map((reason) => reason.code)).toEqual(['dispute_pending']);
    expect(
      ask('2026-05-12T15:00:00Z', { standing, channel: 'letter', purpose: 'validation_notice' }).allowed,
    ).toBe(true);
  });

  it('honours a cease request except for the notices the law allows', () => {
    const standing = { cease: true };
    expect(ask('2026-05-12T15:00:00Z', { standing }).reasons.map((reason) => reason.code)).toEqual(['cease']);
    expect(ask('2026-05-12T15:00:00Z', { standing, channel: 'letter' }).allowed).toBe(false);
    expect(
      ask('2026-05-12T15:00:00Z', { standing, channel: 'letter', purpose: 'cease_confirmation' }).allowed,
    ).toBe(true);
    expect(ask('2026-05-12T15:00:00Z', { standing, channel: 'call', purpose: 'legal_notice' }).allowed).toBe(
      false,
    );
  });

  it('stops an opted-out channel only; texts to a US consumer need consent', () => {
    const standing = { optOut: { email: true }, consent: { sms: true } };
    expect(
      ask('2026-05-12T15:00:00Z', { standing, channel: 'email' }).reasons.map((reason) => reason.code),
    ).toEqual(['opted_out']);
    expect(ask('2026-05-12T15:00:00Z', { standing, channel: 'sms' }).allowed).toBe(true);
    expect(
      ask('2026-05-12T15:00:00Z', { standing: {}, channel: 'sms' }).reasons.map((reason) => reason.code),
    ).toEqual(['no_consent']);
  });

  it('refuses contact during bankruptcy, to the deceased, past represented debtors, and to missing addresses', () => {
    expect(ask('2026-05-12T15:00:00Z', { standing: { bankruptcy: true } }).reasons[0]?.code).toBe(
      'bankruptcy',
    );
    expect(
      ask('2026-05-12T15:00:00Z', {
        standing: { deceased: true },
        channel: 'letter',
        purpose: 'legal_notice',
      }).allowed,
    ).toBe(true);
    expect(ask('2026-05-12T15:00:00Z', { standing: { attorneyRepresented: true } }).reasons[0]?.code).toBe(
      'attorney_represented',
    );
    expect(
      ask('2026-05-12T15:00:00Z', { standing: { doNotCall: true }, channel: 'sms' }).reasons.map(
        (r) => r.code,
      ),
    ).toContain('do_not_call');
    const noPhone = { reachable: { ...reachable, call: false } };
    expect(ask('2026-05-12T15:00:00Z', { subject: noPhone }).reasons[0]?.code).toBe('no_address');
  });

  it('never threatens suit on a time-barred debt, and asks for the disclosure where the state requires it', () => {
    const standing = { timeBarred: true, validationNoticeSentAtMs: Date.parse('2026-01-01T00:00:00Z') };
    expect(
      ask('2026-05-12T15:00:00Z', { standing, channel: 'letter', threatensSuit: true }).reasons[0]?.code,
    ).toBe('time_barred');
    expect(ask('2026-05-12T15:00:00Z', { standing, channel: 'letter' }).obligations).toEqual([
      'time_barred_disclosure',
    ]);
  });

  it('requires the validation notice within 5 days of the first communication', () => {
    const standing = { firstContactAtMs: Date.parse('2026-05-01T15:00:00Z'), consent: { sms: true } };
    expect(ask('2026-05-05T15:00:00Z', { standing, channel: 'email' }).obligations).toEqual([
      'opt_out_notice',
      'validation_notice',
    ]);
    const late = ask('2026-05-07T15:00:00Z', { standing, channel: 'email' });
    expect(late.reasons.map((reason) => reason.code)).toEqual(['validation_notice_overdue']);
    expect(
      ask('2026-05-07T15:00:00Z', { standing, channel: 'letter', purpose: 'validation_notice' }).allowed,
    ).toBe(true);
  });
});

describe('business debts and tenant rules', () => {
  const business = { debtKind: 'business' as const, jurisdiction: 'DE', timezone: 'Europe/Berlin' };

  it('business debts get working hours on working days in the debtor’s zone', () => {
    // Saturday 2026-05-16 10:00 CEST → Monday 08:00 CEST.
    const decision = ask('2026-05-16T08:00:00Z', { subject: business, channel: 'email' });
    expect(decision.reasons.map((reason) => reason.code)).toEqual(['not_a_contact_day']);
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-05-18T06:00:00.000Z');
    expect(decision.packs).toEqual(['business-defaults', 'recoup-defaults']);
    // No consumer caps on a business debt.
    const calls = Array.from({ length: 9 }, (_, day) =>
      call(`2026-05-${String(4 + day).padStart(2, '0')}T10:00:00Z`),
    );
    expect(ask('2026-05-13T10:00:00Z', { subject: business, attempts: calls }).allowed).toBe(true);
  });

  it('a consumer debt in an EU state gets the EU pack: no Sundays, 08:00–20:00', () => {
    const berlinConsumer = { jurisdiction: 'DE', timezone: 'Europe/Berlin' };
    expect(ask('2026-05-17T10:00:00Z', { subject: berlinConsumer }).reasons[0]?.code).toBe(
      'not_a_contact_day',
    );
    expect(ask('2026-05-16T18:30:00Z', { subject: berlinConsumer }).reasons[0]?.code).toBe(
      'outside_contact_hours',
    );
  });

  it('a tenant can tighten the law but never loosen it', () => {
    const tighter = tenantRulePack({
      hours: { from: '09:00', to: '17:00' },
      caps: [{ channels: ['call'], maxAttempts: 1, periodDays: 3 }],
    });
    expect(ask('2026-05-12T12:30:00Z', { tenantPack: tighter }).allowed).toBe(false); // 08:30 EDT
    expect(ask('2026-05-12T13:00:00Z', { tenantPack: tighter }).allowed).toBe(true);
    const once = [call('2026-05-11T14:00:00Z')];
    expect(
      ask('2026-05-12T14:00:00Z', { tenantPack: tighter, attempts: once }).nextAllowedAt?.toISOString(),
    ).toBe('2026-05-14T13:00:00.000Z');
    const looser = tenantRulePack({ hours: { from: '06:00', to: '23:00' } });
    expect(ask('2026-05-12T11:00:00Z', { tenantPack: looser }).allowed).toBe(false); // 07:00 EDT: the law still holds
  });
});

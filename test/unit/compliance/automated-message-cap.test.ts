import { canContact } from '../../../shared/domain/compliance/contact-gate';
import type { ContactChannel } from '../../../shared/domain/compliance/contact-channel';
import type { ContactAttempt, ContactSubject } from '../../../shared/domain/compliance/contact-standing';
import { tenantRulePack } from '../../../shared/domain/compliance/tenant-contact-rules';

// Recoup's default for every debtor: at most one automated message per channel per local day.
const reachable = { call: true, sms: true, email: true, letter: true };
const newYorkConsumer: ContactSubject = {
  debtKind: 'consumer',
  jurisdiction: 'US-NY',
  timezone: 'America/New_York',
  reachable,
};
const berlinBusiness: ContactSubject = {
  debtKind: 'business',
  jurisdiction: 'DE',
  timezone: 'Europe/Berlin',
  reachable,
};
const RULE = 'recoup-defaults: Recoup default: one automated message per channel per local day';

function ask(
  at: string,
  channel: ContactChannel,
  attempts: ContactAttempt[],
  options: {
    subject?: ContactSubject;
    automated?: boolean;
    tenantPack?: ReturnType<typeof tenantRulePack>;
  } = {},
) {
  return canContact({
    subject: options.subject ?? newYorkConsumer,
    standing: { consent: { sms: true } },
    attempts,
    request: { channel, at: new Date(at), purpose: 'collection', automated: options.automated ?? true },
    ...(options.tenantPack ? { tenantPack: options.tenantPack } : {}),
  });
}

const sent = (channel: ContactChannel, at: string, automated = true): ContactAttempt => ({
  channel,
  atMs: Date.parse(at),
  automated,
});

describe('at most one automated message per channel per local day (Recoup default)', () => {
  // Saturday 2026-10-31 10:00 EDT; US clocks go back at 02:00 on Sunday 11-01.
  const morningEmail = [sent('email', '2026-10-31T14:00:00Z')];

  it('refuses a second automated email the same local day until the next day opens, across the DST change', () => {
    const decision = ask('2026-10-31T19:00:00Z', 'email', morningEmail); // 15:00 EDT
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      {
        code: 'contact_cap_reached',
        message: 'At most one automated email message per local day: the next one waits',
        rule: RULE,
      },
    ]);
    // 08:00 EST on 11-01 is 13:00Z, not the 12:00Z it would have been the day before.
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-11-01T13:00:00.000Z');
    expect(decision.packs).toEqual(['us-federal-consumer', 'us-ny-consumer', 'recoup-defaults']);
    expect(ask('2026-11-01T12:59:59Z', 'email', morningEmail).allowed).toBe(false);
    expect(ask('2026-11-01T13:00:00Z', 'email', morningEmail).allowed).toBe(true);
  });

  it('counts the debtor’s local day, not the UTC one', () => {
    // 20:30 EDT on 10-31 is already 11-01 in UTC: still the day of the morning email.
    expect(ask('2026-11-01T00:30:00Z', 'email', morningEmail).allowed).toBe(false);
    // An email at 23:30 EDT the evening before belongs to 10-30: the morning email was the day's first.
    const eveningBefore = [sent('email', '2026-10-31T03:30:00Z')];
    expect(ask('2026-10-31T14:00:00Z', 'email', eveningBefore).allowed).toBe(true);
  });

  it('a business debtor in Berlin waits for the next working day, after the clocks went back', () => {
    // Friday 2026-10-23 10:00 CEST; Europe's clocks go back on Sunday 10-25.
    const decision = ask('2026-10-23T12:00:00Z', 'email', [sent('email', '2026-10-23T08:00:00Z')], {
      subject: berlinBusiness,
    });
    expect(decision.reasons.map((reason) => reason.rule)).toEqual([RULE]);
    // Monday 08:00 CET.
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('lets another channel go the same day', () => {
    expect(ask('2026-10-31T14:00:00Z', 'sms', morningEmail)).toMatchObject({ allowed: true, reasons: [] });
    expect(ask('2026-10-31T19:00:00Z', 'letter', morningEmail).allowed).toBe(true);
  });

  it('sends a final notice by email and letter together, in either order', () => {
    const at = '2026-10-26T09:00:00Z'; // Monday 10:00 CET
    const email = ask(at, 'email', [], { subject: berlinBusiness });
    expect(email.allowed).toBe(true);
    expect(ask(at, 'letter', [sent('email', at)], { subject: berlinBusiness }).allowed).toBe(true);
    expect(ask(at, 'email', [sent('letter', at)], { subject: berlinBusiness }).allowed).toBe(true);
  });

  it('waits for the debtor’s next local midnight for a second letter (letters have no contact hours)', () => {
    const decision = ask('2026-10-31T19:00:00Z', 'letter', [sent('letter', '2026-10-31T14:00:00Z')]);
    expect(decision.reasons.map((reason) => reason.rule)).toEqual([RULE]);
    // Midnight of 11-01 is still EDT (the change is at 02:00).
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });

  it('counts UTC days for a letter to a debtor whose local time cannot be known', () => {
    const nowhere = { ...newYorkConsumer, jurisdiction: 'ZZ', timezone: undefined } as ContactSubject;
    const decision = ask('2026-10-31T19:00:00Z', 'letter', [sent('letter', '2026-10-31T01:00:00Z')], {
      subject: nowhere,
    });
    expect(decision.reasons.map((reason) => reason.rule)).toEqual([RULE]);
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('neither counts nor limits what people do', () => {
    // A collector's email after the automated one: only the law decides (and it allows it).
    expect(ask('2026-10-31T19:00:00Z', 'email', morningEmail, { automated: false }).allowed).toBe(true);
    // An email a collector wrote in the morning leaves the day's automated email free.
    const byHand = [sent('email', '2026-10-31T14:00:00Z', false)];
    expect(ask('2026-10-31T19:00:00Z', 'email', byHand).allowed).toBe(true);
    // A collector's calls after an automated voice reminder the same day.
    const voice = [sent('call', '2026-10-31T14:00:00Z')];
    expect(ask('2026-10-31T19:00:00Z', 'call', voice, { automated: false }).allowed).toBe(true);
    expect(ask('2026-10-31T19:00:00Z', 'call', voice).reasons.map((reason) => reason.rule)).toEqual([RULE]);
  });

  it('leaves out a message the provider could not deliver, which stays an attempt for the law', () => {
    const bounced: ContactAttempt = { ...sent('email', '2026-10-31T14:00:00Z'), undelivered: true };
    expect(ask('2026-10-31T14:05:00Z', 'email', [bounced])).toMatchObject({ allowed: true, reasons: [] });
    const massachusetts = { ...newYorkConsumer, jurisdiction: 'US-MA' };
    const failedTexts = ['2026-05-11T14:00:00Z', '2026-05-12T14:00:00Z'].map((at): ContactAttempt => ({
      ...sent('sms', at),
      undelivered: true,
    }));
    const decision = ask('2026-05-12T18:00:00Z', 'sms', failedTexts, { subject: massachusetts });
    expect(decision.reasons.map((reason) => reason.rule)).toEqual(['us-ma-consumer: 940 CMR 7.04(1)(f)']);
  });

  it('leaves the law’s caps in force on automated and personal contacts alike', () => {
    // Massachusetts: two telephone communications (calls and texts) per 7 days, whoever makes them.
    const massachusetts = { ...newYorkConsumer, jurisdiction: 'US-MA' };
    const attempts = [sent('call', '2026-05-11T14:00:00Z', false), sent('sms', '2026-05-12T14:00:00Z')];
    const nextDay = ask('2026-05-13T14:00:00Z', 'sms', attempts, { subject: massachusetts });
    expect(nextDay.reasons).toEqual([
      expect.objectContaining({ code: 'contact_cap_reached', rule: 'us-ma-consumer: 940 CMR 7.04(1)(f)' }),
    ]);
    expect(nextDay.nextAllowedAt?.toISOString()).toBe('2026-05-18T12:00:00.000Z');
    // The same day, both caps refuse it, each with its own citation.
    const sameDay = ask('2026-05-12T18:00:00Z', 'sms', attempts, { subject: massachusetts });
    expect(sameDay.reasons.map((reason) => reason.rule)).toEqual([
      'us-ma-consumer: 940 CMR 7.04(1)(f)',
      RULE,
    ]);
    // A collector's call is held by the law's cap alone.
    const call = ask('2026-05-13T14:00:00Z', 'call', attempts, { subject: massachusetts, automated: false });
    expect(call.reasons.map((reason) => reason.rule)).toEqual(['us-ma-consumer: 940 CMR 7.04(1)(f)']);
  });

  it("a tenant's automated-only cap binds the system's sends, not a person's", () => {
    // At most two automated emails in seven days.
    const weekly = tenantRulePack({
      caps: [{ channels: ['email'], maxAttempts: 2, periodDays: 7, automatedOnly: true }],
    });
    const history = [
      sent('email', '2026-10-29T14:00:00Z'),
      sent('email', '2026-10-31T14:00:00Z'),
      sent('email', '2026-11-01T15:00:00Z', false),
    ];
    // Tuesday 11-03: the third automated email in 10-28…11-03.
    const automated = ask('2026-11-03T15:00:00Z', 'email', history, { tenantPack: weekly });
    expect(automated.allowed).toBe(false);
    expect(automated.reasons.map((reason) => reason.rule)).toEqual(['tenant: tenant policy']);
    // 10-29's leaves the window for Thursday 11-05, 08:00 EST.
    expect(automated.nextAllowedAt?.toISOString()).toBe('2026-11-05T13:00:00.000Z');
    // Then it may go: the collector's 11-01 email is not counted by the cap.
    expect(ask('2026-11-05T15:00:00Z', 'email', history, { tenantPack: weekly }).allowed).toBe(true);
    // And a collector's email is not held by it.
    expect(
      ask('2026-11-03T15:00:00Z', 'email', history, { tenantPack: weekly, automated: false }).allowed,
    ).toBe(true);
  });

  it('a tenant may tighten it further', () => {
    const everyOtherDay = tenantRulePack({ caps: [{ channels: ['email'], maxAttempts: 1, periodDays: 2 }] });
    const decision = ask('2026-10-31T19:00:00Z', 'email', morningEmail, { tenantPack: everyOtherDay });
    expect(decision.reasons.map((reason) => reason.rule)).toEqual([RULE, 'tenant: tenant policy']);
    // The tenant's two days: 11-02 08:00 EST.
    expect(decision.nextAllowedAt?.toISOString()).toBe('2026-11-02T13:00:00.000Z');
  });
});

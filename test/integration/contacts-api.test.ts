import { attemptContact } from '../../shared/app/contacts/attempt-contact';
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let collector: string;
let manager: string;
const TENANT = 'contacts-co';

beforeAll(async () => {
  api = await startTestApi();
  collector = await api.token(TENANT, ['collector'], { sub: 'collector-1' });
  manager = await api.token(TENANT, ['manager'], { sub: 'manager-1' });
});
afterAll(() => api.stop());

const address = {
  lines: ['1 Main St'],
  locality: 'Albany',
  region: 'NY',
  postalCode: '12207',
  country: 'US',
};

async function consumer(overrides: Record<string, unknown> = {}) {
  const created = await api.request('POST', '/v1/debtors', {
    token: collector,
    body: sampleDebtor({
      name: 'Pat Doe',
      kind: 'person',
      phone: '+15185550100',
      email: 'pat@example.com',
      postalAddress: address,
      timezone: 'America/New_York',
      jurisdiction: 'US-NY',
      ...overrides,
    }),
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

const check = (debtorId: string, query: string, token = collector) =>
  api.request('GET', `/v1/debtors/${debtorId}/contact-check?${query}`, { token });

const logCall = (debtorId: string, at: string, outcome = 'no_answer') =>
  api.request('POST', `/v1/debtors/${debtorId}/activities`, {
    token: collector,
    body: { type: 'call', direction: 'outbound', outcome, at },
  });

describe('GET /v1/debtors/{id}/contact-check', () => {
  it('answers in the debtor’s local time with the reason and the next allowed instant', async () => {
    const debtorId = await consumer();
    const early = await check(debtorId, 'channel=call&at=2026-03-10T11:45:00Z');
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({
      channel: 'call',
      allowed: false,
      reasons: [
        expect.objectContaining({
          code: 'outside_contact_hours',
          rule: expect.stringContaining('us-federal-consumer'),
        }),
      ],
      nextAllowedAt: '2026-03-10T12:00:00.000Z',
      rulePacks: ['us-federal-consumer', 'us-ny-consumer', 'recoup-defaults'],
      timezones: ['America/New_York'],
    });
    const evening = await check(debtorId, 'channel=email&at=2026-11-03T01:45:00Z');
    expect(evening.body).toMatchObject({
      allowed: true,
      obligations: ['opt_out_notice', 'validation_notice'],
    });
  });

  it('counts the calls people log: the 8th attempt in 7 days is refused until the window moves on', async () => {
    const debtorId = await consumer();
    const notice = await api.request('POST', `/v1/debtors/${debtorId}/activities`, {
      token: collector,
      body: { type: 'letter', purpose: 'validation_notice', at: '2026-05-11T13:00:00Z' },
    });
    expect(notice.status).toBe(201);
    const times = [
      '2026-05-11T14:00:00Z',
      '2026-05-11T19:00:00Z',
      '2026-05-12T14:00:00Z',
      '2026-05-12T18:00:00Z',
      '2026-05-13T13:00:00Z',
      '2026-05-13T15:00:00Z',
      '2026-05-13T20:00:00Z',
    ];
    for (const at of times) {
      const logged = await logCall(debtorId, at);
      expect(logged.status).toBe(201);
      expect(logged.body.compliance).toEqual({ allowed: true, reasons: [] });
    }
    const eighth = await check(debtorId, 'channel=call&at=2026-05-14T15:00:00Z');
    expect(eighth.body).toMatchObject({
      allowed: false,
      reasons: [expect.objectContaining({ code: 'contact_cap_reached' })],
      nextAllowedAt: '2026-05-18T12:00:00.000Z',
    });
    expect((await check(debtorId, 'channel=call&at=2026-05-18T12:00:00Z')).body.allowed).toBe(true);

    // A call made anyway is still logged (it happened) and recorded as a breach.
    const breach = await logCall(debtorId, '2026-05-14T15:00:00Z');
    expect(breach.status).toBe(201);
    expect(breach.body.compliance).toMatchObject({
      allowed: false,
      reasons: [{ code: 'contact_cap_reached' }],
    });
    const audit = await api.request('GET', `/v1/audit?entityId=${debtorId}`, { token: manager });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toContain('contact.breach');

    const listed = await api.request('GET', `/v1/debtors/${debtorId}/activities?limit=3`, {
      token: collector,
    });
    expect(listed.body.items.map((item: { at: string }) => item.at)).toEqual([
      '2026-05-14T15:00:00.000Z',
      '2026-05-13T20:00:00.000Z',
      '2026-05-13T15:00:00.000Z',
    ]);
    expect(listed.body.nextCursor).toEqual(expect.any(String));
  });

  it('keeps calls away for 7 days after a conversation, and Massachusetts allows two telephone contacts a week', async () => {
    const newYork = await consumer();
    await api.request('POST', `/v1/debtors/${newYork}/activities`, {
      token: collector,
      body: { type: 'letter', purpose: 'validation_notice', at: '2026-06-01T13:00:00Z' },
    });
    await logCall(newYork, '2026-06-01T15:00:00Z', 'conversation');
    expect((await check(newYork, 'channel=call&at=2026-06-05T15:00:00Z')).body).toMatchObject({
      reasons: [{ code: 'after_conversation' }],
      nextAllowedAt: '2026-06-08T12:00:00.000Z',
    });

    const boston = await consumer({ jurisdiction: 'US-MA' });
    await logCall(boston, '2026-06-01T15:00:00Z');
    await logCall(boston, '2026-06-02T15:00:00Z');
    const third = await check(boston, 'channel=call&at=2026-06-03T15:00:00Z');
    expect(third.body.reasons[0]).toMatchObject({
      code: 'contact_cap_reached',
      rule: expect.stringContaining('940 CMR'),
    });
  });

  it('pauses collection while the only debt is disputed, and resumes when the dispute is rejected', async () => {
    const debtorId = await consumer();
    const invoice = await api.request('POST', '/v1/invoices', {
      token: collector,
      body: {
        debtorId,
        number: 'C-DISPUTE-1',
        currency: 'USD',
        amount: 50_000,
        issueDate: '2026-04-01',
        dueDate: '2026-05-01',
      },
    });
    const dispute = await api.request('POST', `/v1/invoices/${invoice.body.id}/disputes`, {
      token: collector,
      body: { reason: 'Never received the goods' },
    });
    expect(dispute.status).toBe(201);
    const paused = await check(debtorId, 'channel=email&at=2026-06-01T15:00:00Z');
    expect(paused.body).toMatchObject({
      allowed: false,
      reasons: [{ code: 'dispute_pending' }],
      nextAllowedAt: null,
    });
    await api.request('POST', `/v1/disputes/${dispute.body.id}/resolve`, {
      token: manager,
      body: { outcome: 'rejected' },
    });
    expect((await check(debtorId, 'channel=email&at=2026-06-01T15:00:00Z')).body.allowed).toBe(true);
  });
});

describe('PUT /v1/debtors/{id}/contact-preferences', () => {
  it('records a cease request (audited) that stops contact but lets the cease confirmation through', async () => {
    const debtorId = await consumer();
    const saved = await api.request('PUT', `/v1/debtors/${debtorId}/contact-preferences`, {
      token: collector,
      body: { cease: true },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ debtorId, cease: true, version: 1 });
    expect(saved.headers.get('etag')).toBe('"1"');
    const refused = await check(debtorId, 'channel=call&at=2026-06-01T15:00:00Z');
    expect(refused.body).toMatchObject({ allowed: false, reasons: [{ code: 'cease' }], nextAllowedAt: null });
    const confirmation = await check(
      debtorId,
      'channel=letter&purpose=cease_confirmation&at=2026-06-01T15:00:00Z',
    );
    expect(confirmation.body.allowed).toBe(true);
    const audit = await api.request('GET', `/v1/audit?entityId=${debtorId}`, { token: manager });
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'contact-preferences.updated',
        before: expect.objectContaining({ cease: false }),
      }),
    );
    const stale = await api.request('PUT', `/v1/debtors/${debtorId}/contact-preferences`, {
      token: collector,
      headers: { 'if-match': '"0"' },
      body: { cease: false },
    });
    expect(stale.status).toBe(409);
  });

  it('lets a debtor opt out of a channel on the portal, but not set the account’s legal flags', async () => {
    const debtorId = await consumer();
    const portal = await api.token(TENANT, ['debtor'], { sub: 'portal-user', debtorId });
    const optOut = await api.request('PUT', `/v1/debtors/${debtorId}/contact-preferences`, {
      token: portal,
      body: { optOut: { sms: true }, consent: { email: true } },
    });
    expect(optOut.status).toBe(200);
    expect(optOut.body.optOut).toEqual({ sms: true });
    expect((await check(debtorId, 'channel=sms&at=2026-06-01T15:00:00Z')).body.reasons[0].code).toBe(
      'opted_out',
    );
    const flag = await api.request('PUT', `/v1/debtors/${debtorId}/contact-preferences`, {
      token: portal,
      body: { bankruptcy: true },
    });
    expect(flag.status).toBe(403);
    const other = await consumer();
    const elsewhere = await api.request('PUT', `/v1/debtors/${other}/contact-preferences`, {
      token: portal,
      body: { cease: true },
    });
    expect(elsewhere.status).toBe(404);
  });

  it('is invisible to another tenant', async () => {
    const debtorId = await consumer();
    const stranger = await api.token('other-co', ['admin']);
    expect((await check(debtorId, 'channel=call', stranger)).status).toBe(404);
    const put = await api.request('PUT', `/v1/debtors/${debtorId}/contact-preferences`, {
      token: stranger,
      body: { cease: true },
    });
    expect(put.status).toBe(404);
  });
});

describe('bad input', () => {
  it('answers 400 problem+json naming the field, and writes nothing', async () => {
    const debtorId = await consumer();
    const channel = await check(debtorId, 'channel=fax');
    expect(channel.status).toBe(400);
    expect(channel.headers.get('content-type')).toContain('application/problem+json');
    expect(channel.body.errors[0].path).toBe('query.channel');
    const outcome = await api.request('POST', `/v1/debtors/${debtorId}/activities`, {
      token: collector,
      body: { type: 'email', outcome: 'conversation', at: '2026-06-01T15:00:00Z' },
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body.errors[0].path).toBe('outcome');
    const future = await api.request('POST', `/v1/debtors/${debtorId}/activities`, {
      token: collector,
      body: { type: 'call', at: '2099-01-01T00:00:00Z' },
    });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('at');
    const empty = await api.request('PUT', `/v1/debtors/${debtorId}/contact-preferences`, {
      token: collector,
      body: {},
    });
    expect(empty.status).toBe(400);
    const listed = await api.request('GET', `/v1/debtors/${debtorId}/activities`, { token: collector });
    expect(listed.body.items).toEqual([]);
  });

  it('an auditor may ask the gate but not log a call', async () => {
    const debtorId = await consumer();
    const auditor = await api.token(TENANT, ['auditor']);
    expect((await check(debtorId, 'channel=email', auditor)).status).toBe(200);
    const logged = await api.request('POST', `/v1/debtors/${debtorId}/activities`, {
      token: auditor,
      body: { type: 'note', text: 'x' },
    });
    expect(logged.status).toBe(403);
  });
});

describe('tenant contact rules and automated contacts', () => {
  it('a tenant tightens the hours in its settings; the law still holds where the tenant is looser', async () => {
    const admin = await api.token('strict-co', ['admin']);
    const settings = await api.request('PUT', '/v1/settings', {
      token: admin,
      body: { timezone: 'America/New_York', contactRules: { hours: { from: '09:00', to: '17:00' } } },
    });
    expect(settings.status).toBe(200);
    const created = await api.request('POST', '/v1/debtors', {
      token: admin,
      body: sampleDebtor({
        kind: 'person',
        phone: '+15185550100',
        timezone: 'America/New_York',
        jurisdiction: 'US-NY',
      }),
    });
    const early = await api.request(
      'GET',
      `/v1/debtors/${created.body.id}/contact-check?channel=call&at=2026-06-01T12:30:00Z`,
      {
        token: admin,
      },
    );
    expect(early.body).toMatchObject({ allowed: false, nextAllowedAt: '2026-06-01T13:00:00.000Z' });
    expect(early.body.reasons[0].rule).toContain('tenant');
    const badHours = await api.request('PUT', '/v1/settings', {
      token: admin,
      body: { timezone: 'UTC', contactRules: { hours: { from: '18:00', to: '09:00' } } },
    });
    expect(badHours.status).toBe(400);
    expect(badHours.body.errors[0].path).toBe('contactRules.hours.to');
  });

  it('an automated send asks the gate at send time; a refusal is kept with its reasons and the next allowed time', async () => {
    const debtorId = await consumer({ jurisdiction: 'US-MA' });
    const system = { sub: 'system:workflow', tenantId: TENANT, roles: ['admin'] as const };
    // Tuesday 2027-01-05 10:00 EST.
    await api.runtime.clock.moveTo(new Date('2027-01-05T15:00:00Z'));
    const services = api.runtime.services;
    const letter = await attemptContact(services, system, {
      debtorId,
      channel: 'letter',
      description: 'first notice',
    });
    expect(letter).toMatchObject({ allowed: true, carriesValidationNotice: true });
    // One automated call a day (Recoup's default), on three days: the third is Massachusetts' third.
    const call = () =>
      attemptContact(services, system, { debtorId, channel: 'call', description: 'reminder call' });
    const callOn = async (iso: string) => {
      await api.runtime.clock.moveTo(new Date(iso));
      return call();
    };
    const first = await call();
    const second = await callOn('2027-01-06T15:00:00Z');
    const third = await callOn('2027-01-07T15:00:00Z');
    expect([first.allowed, second.allowed, third.allowed]).toEqual([true, true, false]);
    expect(third.reasons).toEqual([
      expect.objectContaining({ code: 'contact_cap_reached', rule: expect.stringContaining('940 CMR') }),
    ]);
    // 01-05 leaves the 7-day window on 01-12: 08:00 EST.
    expect(third.nextAllowedAt).toBe('2027-01-12T13:00:00.000Z');
    const listed = await api.request('GET', `/v1/debtors/${debtorId}/activities`, { token: collector });
    expect(listed.body.items[0]).toMatchObject({ source: 'system', status: 'refused', type: 'call' });
    const audit = await api.request('GET', `/v1/audit?entityId=${third.activityId}`, { token: manager });
    expect(audit.body.items[0]).toMatchObject({ action: 'contact.refused' });
    const preferences = await api.request('GET', `/v1/debtors/${debtorId}/contact-preferences`, {
      token: collector,
    });
    expect(preferences.body).toMatchObject({
      validationNoticeSentAt: expect.stringMatching(/^2027-01-05T15:00:00/),
      version: 4,
    });
  });

  it('answers a check as the system would send: the automated-message caps bind it, not a person', async () => {
    const debtorId = await consumer({ jurisdiction: 'US-NY' });
    const system = { sub: 'system:workflow', tenantId: TENANT, roles: ['admin'] as const };
    // Wednesday 2027-02-03 11:00 EST: the system sends the day's automated email.
    await api.runtime.clock.moveTo(new Date('2027-02-03T16:00:00Z'));
    const sent = await attemptContact(api.runtime.services, system, {
      debtorId,
      channel: 'email',
      description: 'reminder',
    });
    expect(sent.allowed).toBe(true);
    const asSystem = await check(debtorId, 'channel=email&sender=system');
    expect(asSystem.status).toBe(200);
    expect(asSystem.body).toMatchObject({
      allowed: false,
      reasons: [
        expect.objectContaining({
          code: 'contact_cap_reached',
          rule: expect.stringContaining('recoup-defaults'),
        }),
      ],
      // The next morning at 08:00 in New York.
      nextAllowedAt: '2027-02-04T13:00:00.000Z',
    });
    // A person may still write today, and that is the default question.
    expect((await check(debtorId, 'channel=email&sender=person')).body).toMatchObject({ allowed: true });
    expect((await check(debtorId, 'channel=email')).body).toMatchObject({ allowed: true });
    expect((await check(debtorId, 'channel=email&sender=robot')).status).toBe(400);
  });

  it("a tenant's automated-only cap limits the system's sends and leaves people's alone", async () => {
    const admin = await api.token('weekly-co', ['admin']);
    const cap = { channels: ['email'], maxAttempts: 1, periodDays: 7, automatedOnly: true };
    const settings = await api.request('PUT', '/v1/settings', {
      token: admin,
      body: { timezone: 'America/New_York', contactRules: { caps: [cap] } },
    });
    expect(settings.status).toBe(200);
    expect(settings.body.contactRules.caps).toEqual([cap]);
    const created = await api.request('POST', '/v1/debtors', {
      token: admin,
      body: sampleDebtor({ kind: 'person', timezone: 'America/New_York', jurisdiction: 'US-NY' }),
    });
    // Monday 2027-02-08 10:00 EST: the week's automated email.
    await api.runtime.clock.moveTo(new Date('2027-02-08T15:00:00Z'));
    const system = { sub: 'system:workflow', tenantId: 'weekly-co', roles: ['admin'] as const };
    const sent = await attemptContact(api.runtime.services, system, {
      debtorId: created.body.id,
      channel: 'email',
      description: 'reminder',
    });
    expect(sent.allowed).toBe(true);
    const wednesday = `/v1/debtors/${created.body.id}/contact-check?channel=email&at=2027-02-10T15:00:00Z`;
    const asSystem = await api.request('GET', `${wednesday}&sender=system`, { token: admin });
    expect(asSystem.body).toMatchObject({
      allowed: false,
      reasons: [expect.objectContaining({ rule: 'tenant: tenant policy' })],
      nextAllowedAt: '2027-02-15T13:00:00.000Z',
    });
    expect((await api.request('GET', wednesday, { token: admin })).body).toMatchObject({ allowed: true });
  });

  it('two automated sends at once cannot both pass a cap', async () => {
    const debtorId = await consumer({ jurisdiction: 'US-MA' });
    const system = { sub: 'system:workflow', tenantId: TENANT, roles: ['admin'] as const };
    const services = api.runtime.services;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        attemptContact(services, system, { debtorId, channel: 'sms', description: 'text' }),
      ),
    );
    // No consent to text yet: all refused, each recorded.
    expect(results.every((result) => result.reasons.some((reason) => reason.code === 'no_consent'))).toBe(
      true,
    );
    await api.request('PUT', `/v1/debtors/${debtorId}/contact-preferences`, {
      token: collector,
      body: { consent: { sms: true } },
    });
    const again = await Promise.all(
      Array.from({ length: 5 }, () =>
        attemptContact(services, system, { debtorId, channel: 'sms', description: 'text' }),
      ),
    );
    // Massachusetts would let a second text through this week, Recoup's one automated text a day
    // not today: of five concurrent senders exactly one passes.
    expect(again.filter((result) => result.allowed)).toHaveLength(1);
    expect(again.filter((result) => !result.allowed).map((result) => result.reasons)).toEqual(
      Array.from({ length: 4 }, () => [
        expect.objectContaining({
          code: 'contact_cap_reached',
          rule: expect.stringContaining('recoup-defaults'),
        }),
      ]),
    );
  });
});

describe('the validation notice clock', () => {
  it('stops collection contacts 5 days after the first communication until the notice is sent', async () => {
    const debtorId = await consumer();
    await logCall(debtorId, '2026-07-01T15:00:00Z', 'conversation');
    const overdue = await check(debtorId, 'channel=email&at=2026-07-08T15:00:00Z');
    expect(overdue.body).toMatchObject({
      allowed: false,
      reasons: [{ code: 'validation_notice_overdue' }],
      nextAllowedAt: null,
    });
    const notice = await check(debtorId, 'channel=letter&purpose=validation_notice&at=2026-07-08T15:00:00Z');
    expect(notice.body.allowed).toBe(true);
  });
});

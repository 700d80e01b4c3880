/**
 * Delivery feedback through the whole local system: the workflow sends through the real SES, SMS
 * and S3 adapters to the local stand-ins, whose events (the SES mailbox simulator's bounce and
 * complaint) and a debtor's STOP reply come back through the deployed handlers. A dead address or
 * a STOP stops that channel, and the step goes out on the next channel the gate allows.
 */
import type { SNSEvent } from 'aws-lambda';
import { handler as inboundTexts } from '../../functions/messaging/record-inbound-texts';
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
});
afterAll(() => api.stop());

interface Sent {
  channel: string;
  to: string;
  sentAt: string;
  body: string;
  document?: string;
}

async function tenantWithPolicy(tenant: string, steps: { offsetDays: number; action: string }[]) {
  const token = await api.token(tenant, ['admin'], { sub: `${tenant}-admin` });
  const policy = await api.request('POST', '/v1/policies', { token, body: { name: 'Feedback', steps } });
  expect(policy.status).toBe(201);
  return token;
}

/** The tests share one clock: each runs in its own weeks. */
async function debtorWithInvoice(token: string, dueDate: string, overrides: Record<string, unknown>) {
  const debtor = await api.request('POST', '/v1/debtors', {
    token,
    body: {
      name: 'Initech GmbH',
      kind: 'business',
      phone: '+4930123456',
      postalAddress: { lines: ['Hauptstr. 1'], locality: 'Berlin', postalCode: '10115', country: 'DE' },
      timezone: 'Europe/Berlin',
      jurisdiction: 'DE',
      ...overrides,
    },
  });
  expect(debtor.status).toBe(201);
  const invoice = await api.request('POST', '/v1/invoices', {
    token,
    body: {
      debtorId: debtor.body.id,
      number: `FB-${debtor.body.id}`,
      currency: 'EUR',
      amount: 125_050,
      issueDate: '2027-02-01',
      dueDate,
    },
  });
  expect(invoice.status).toBe(201);
  return debtor.body.id as string;
}

const outbox = async (debtorId: string): Promise<Sent[]> =>
  (await api.request('GET', `/dev/outbox?debtorId=${debtorId}`)).body.items;
const advanceTo = (iso: string) => api.request('POST', '/dev/clock', { body: { now: iso } });

function snsReply(from: string, body: string, at: string): SNSEvent {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-west-1:000000000000:inbound:1',
        Sns: {
          Type: 'Notification',
          MessageId: `reply-${at}`,
          TopicArn: 'arn:aws:sns:eu-west-1:000000000000:inbound',
          Subject: '',
          Message: JSON.stringify({
            originationNumber: from,
            destinationNumber: '+15550100000',
            messageKeyword: 'KEYWORD_000000000000',
            messageBody: body,
            inboundMessageId: `in-${at}`,
            previousPublishedMessageId: 'out-1',
          }),
          Timestamp: at,
          SignatureVersion: '1',
          Signature: '',
          SigningCertUrl: '',
          UnsubscribeUrl: '',
          MessageAttributes: {},
        },
      },
    ],
  };
}

describe('a bounced address', () => {
  it('is suppressed, and the step goes out again by text at once; later emails wait for a new address', async () => {
    const token = await tenantWithPolicy('bounce-co', [
      { offsetDays: 0, action: 'email' },
      { offsetDays: 3, action: 'sms' },
      { offsetDays: 7, action: 'email' },
    ]);
    const debtorId = await debtorWithInvoice(token, '2027-03-08', {
      email: 'bounce@simulator.amazonses.com',
    });
    await advanceTo('2027-03-08T12:00:00Z');

    const sent = await outbox(debtorId);
    expect(sent.map((message) => [message.channel, message.sentAt])).toEqual([
      ['email', '2027-03-08T09:00:00.000Z'],
      ['sms', '2027-03-08T09:00:00.000Z'], // the same step, on the next channel
    ]);
    const preferences = (await api.request('GET', `/v1/debtors/${debtorId}/contact-preferences`, { token }))
      .body;
    expect(preferences.suppressed.email).toMatchObject({
      address: 'bounce@simulator.amazonses.com',
      reason: 'bounced',
    });
    const activities = (await api.request('GET', `/v1/debtors/${debtorId}/activities`, { token })).body.items;
    const email = activities.find(
      (activity: { type: string; status: string }) => activity.type === 'email' && activity.status === 'done',
    );
    expect(email.delivery).toMatchObject({ status: 'bounced' });
    const history = (await api.request('GET', `/v1/debtors/${debtorId}/case`, { token })).body.history;
    expect(history.map((event: { kind: string }) => event.kind)).toEqual(
      expect.arrayContaining(['delivery_failed', 'channel_fallback']),
    );

    // Day 7: the email address is still the dead one — the gate refuses it, the step goes by text.
    await advanceTo('2027-03-15T12:00:00Z');
    const later = (await outbox(debtorId)).slice(2).map((message) => [message.channel, message.sentAt]);
    expect(later).toEqual([
      ['sms', '2027-03-11T09:00:00.000Z'],
      ['sms', '2027-03-15T09:00:00.000Z'],
    ]);
    const check = await api.request('GET', `/v1/debtors/${debtorId}/contact-check?channel=email`, { token });
    expect(check.body.reasons.map((reason: { code: string }) => reason.code)).toContain('undeliverable');

    // A new address lifts it.
    const current = await api.request('GET', `/v1/debtors/${debtorId}`, { token });
    const patched = await api.request('PATCH', `/v1/debtors/${debtorId}`, {
      token,
      body: { email: 'ap@initech.example' },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(patched.status).toBe(200);
    const again = await api.request('GET', `/v1/debtors/${debtorId}/contact-check?channel=email`, { token });
    expect(again.body.reasons.map((reason: { code: string }) => reason.code)).not.toContain('undeliverable');
  });

  it('a complaint opts the debtor out of email', async () => {
    const token = await tenantWithPolicy('complaint-co', [
      { offsetDays: 0, action: 'email' },
      { offsetDays: 3, action: 'email' },
    ]);
    const debtorId = await debtorWithInvoice(token, '2027-04-05', {
      email: 'complaint@simulator.amazonses.com',
    });
    await advanceTo('2027-04-09T12:00:00Z');
    const preferences = (await api.request('GET', `/v1/debtors/${debtorId}/contact-preferences`, { token }))
      .body;
    expect(preferences.optOut.email).toBe(true);
    expect(preferences.suppressed.email).toMatchObject({ reason: 'complained' });
    // The email reached the debtor (then the complaint): not sent again; the next step goes by text.
    expect((await outbox(debtorId)).map((message) => message.channel)).toEqual(['email', 'sms']);
  });
});

describe('a STOP reply', () => {
  it('opts the debtor out of texts; the next text step goes by email, START opts back in', async () => {
    const token = await tenantWithPolicy('stop-co', [
      { offsetDays: 0, action: 'sms' },
      { offsetDays: 2, action: 'sms' },
      { offsetDays: 4, action: 'letter' },
    ]);
    const debtorId = await debtorWithInvoice(token, '2027-05-10', {
      email: 'ap@stop.example',
      phone: '+4930999888',
    });
    await advanceTo('2027-05-10T12:00:00Z');
    expect((await outbox(debtorId)).map((message) => message.channel)).toEqual(['sms']);

    await inboundTexts(snsReply('+4930999888', ' stop ', '2027-05-10T12:05:00.000Z'), {} as never);
    const preferences = (await api.request('GET', `/v1/debtors/${debtorId}/contact-preferences`, { token }))
      .body;
    expect(preferences.optOut.sms).toBe(true);
    const activities = (await api.request('GET', `/v1/debtors/${debtorId}/activities`, { token })).body.items;
    expect(activities[0]).toMatchObject({ type: 'sms', direction: 'inbound', text: 'Text reply: STOP' });

    await advanceTo('2027-05-14T12:00:00Z');
    const sent = await outbox(debtorId);
    expect(sent.map((message) => [message.channel, message.sentAt])).toEqual([
      ['sms', '2027-05-10T08:00:00.000Z'],
      ['email', '2027-05-12T08:00:00.000Z'], // the text step, by email
      ['letter', '2027-05-14T08:00:00.000Z'],
    ]);
    // The letter as the print provider receives it.
    const letter = sent[2]!;
    expect(letter.document).toMatch(/^\/dev\/letters\/stop-co\/msg_.+\.pdf$/);
    const pdf = await fetch(`${api.runtime.url}${letter.document}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await inboundTexts(snsReply('+4930999888', 'START', '2027-05-14T12:05:00.000Z'), {} as never);
    const after = (await api.request('GET', `/v1/debtors/${debtorId}/contact-preferences`, { token })).body;
    expect(after.optOut.sms).toBe(false);
  });
});

describe('an automated voice reminder', () => {
  it('is a call for the gate and a text-to-speech message for the provider', async () => {
    const token = await tenantWithPolicy('voice-co', [{ offsetDays: 0, action: 'voice' }]);
    const debtorId = await debtorWithInvoice(token, '2027-06-07', { email: 'ap@voice.example' });
    await advanceTo('2027-06-07T12:00:00Z');
    const sent = await outbox(debtorId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      channel: 'voice',
      to: '+4930123456',
      sentAt: '2027-06-07T08:00:00.000Z',
    });
    expect(sent[0]!.body.replace(/[\u00a0\u202f]/g, ' ')).toContain('1.250,50 €');
    const activities = (await api.request('GET', `/v1/debtors/${debtorId}/activities`, { token })).body.items;
    expect(activities[0]).toMatchObject({ type: 'call', direction: 'outbound', source: 'system' });
    expect(activities[0].delivery).toMatchObject({ status: 'delivered' });
  });
});

describe('what a US consumer receives', () => {
  it('every email and text carries the opt-out; yen, euros and dinars each in their own decimals', async () => {
    const token = await tenantWithPolicy('consumer-co', [
      { offsetDays: 0, action: 'email' },
      { offsetDays: 1, action: 'sms' },
    ]);
    const debtor = await api.request('POST', '/v1/debtors', {
      token,
      body: {
        name: 'Pat Doe',
        kind: 'person',
        email: 'pat@example.com',
        phone: '+12125550123',
        timezone: 'America/New_York',
        jurisdiction: 'US-NY',
      },
    });
    const debtorId = debtor.body.id as string;
    const consent = await api.request('PUT', `/v1/debtors/${debtorId}/contact-preferences`, {
      token,
      body: { consent: { sms: true } },
    });
    expect(consent.status).toBe(200);
    for (const [currency, amount] of [
      ['JPY', 150_000],
      ['EUR', 125_050],
      ['KWD', 1_234_567],
    ] as const) {
      const invoice = await api.request('POST', '/v1/invoices', {
        token,
        body: {
          debtorId,
          number: `US-${currency}`,
          currency,
          amount,
          issueDate: '2027-06-01',
          dueDate: '2027-07-07',
        },
      });
      expect(invoice.status).toBe(201);
    }
    const before = api.runtime.channels.providers.accepted.length;
    await advanceTo('2027-07-09T12:00:00Z');
    // As the providers took them: the SES and SMS requests themselves.
    const received = api.runtime.channels.providers.accepted
      .slice(before)
      .filter((message) => message.to === 'pat@example.com' || message.to === '+12125550123');
    expect(received.map((message) => message.channel)).toEqual(['email', 'sms']);
    const [email, sms] = received.map((message) => message.body.replace(/[\u00a0\u202f]/g, ' '));
    expect(email).toContain('To stop receiving emails about this debt, reply with the word STOP.');
    expect(sms).toContain('Reply STOP to opt out of texts.');
    // Every built-in reminder carries the debtor's portal link.
    for (const body of [email, sms])
      expect(body).toMatch(/http:\/\/localhost:\d+\/portal#link=[A-Za-z0-9_-]+/);
    for (const body of [email, sms]) {
      expect(body).toContain('¥150,000');
      expect(body).toContain('€1,250.50');
      expect(body).toContain('KWD 1,234.567');
    }
  });
});

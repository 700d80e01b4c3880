/**
 * Message templates: versioned per key, channel and language, refused with unknown variables,
 * previewed as a debtor would receive them (footers from the compliance gate), and used by the
 * collection workflow when a policy step names their key.
 */
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let manager: string;
const TENANT = 'templates-co';

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-06-01T12:00:00Z'));
  manager = await api.token(TENANT, ['manager'], { sub: 'manager-1' });
});
afterAll(() => api.stop());

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('templates', () => {
  it('are created, refused with unknown variables, versioned and read at a version', async () => {
    const created = await api.request('POST', '/v1/templates', {
      token: manager,
      body: {
        key: 'friendly',
        channel: 'email',
        language: 'en',
        subject: 'A quick note, {{debtorName}}',
        body: 'Hi {{debtorName}}, {{totalOutstanding}} is open:\n{{itemisedBalance}}',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'tpl_friendly_email_en', version: 1 });

    const unknown = await api.request('POST', '/v1/templates', {
      token: manager,
      body: { key: 'broken', channel: 'sms', language: 'en', body: 'Pay {{amountDue}} now' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: 'body', message: 'uses {{amountDue}}, which is not a template variable' },
    ]);
    const twice = await api.request('POST', '/v1/templates', {
      token: manager,
      body: { key: 'friendly', channel: 'email', language: 'en', subject: 'x', body: 'y' },
    });
    expect(twice.status).toBe(409);

    const revised = await api.request('PUT', '/v1/templates/tpl_friendly_email_en', {
      token: manager,
      headers: { 'if-match': '"1"' },
      body: {
        subject: 'A quick note, {{debtorName}}',
        body: 'Hello {{debtorName}}, {{totalOutstanding}} is open:\n{{itemisedBalance}}',
      },
    });
    expect(revised.status).toBe(200);
    expect(revised.body.version).toBe(2);
    const first = await api.request('GET', '/v1/templates/tpl_friendly_email_en?version=1', {
      token: manager,
    });
    expect(first.body.body).toMatch(/^Hi /);
    const stale = await api.request('PUT', '/v1/templates/tpl_friendly_email_en', {
      token: manager,
      headers: { 'if-match': '"1"' },
      body: { subject: 'x', body: 'y' },
    });
    expect(stale.status).toBe(409);
    const collector = await api.token(TENANT, ['collector'], { sub: 'c1' });
    expect((await api.request('POST', '/v1/templates', { token: collector, body: {} })).status).toBe(403);
  });

  it('preview as a US consumer would receive it: amounts in their currencies, the opt-out, no second validation notice', async () => {
    const debtor = await api.request('POST', '/v1/debtors', {
      token: manager,
      body: {
        name: 'Pat Doe',
        kind: 'person',
        email: 'pat@example.com',
        timezone: 'America/New_York',
        jurisdiction: 'US-NY',
      },
    });
    for (const [number, currency, amount] of [
      ['J-1', 'JPY', 150_000],
      ['K-1', 'KWD', 1_234_567],
    ] as const) {
      const invoice = await api.request('POST', '/v1/invoices', {
        token: manager,
        body: {
          debtorId: debtor.body.id,
          number,
          currency,
          amount,
          issueDate: '2027-05-01',
          dueDate: '2027-05-31',
        },
      });
      expect(invoice.status).toBe(201);
    }
    const preview = await api.request('POST', '/v1/templates/tpl_friendly_email_en/preview', {
      token: manager,
      body: { debtorId: debtor.body.id },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ version: 2, subject: 'A quick note, Pat Doe' });
    const body = plain(preview.body.body);
    expect(body).toContain('Hello Pat Doe, ¥150,000 + KWD 1,234.567 is open:');
    expect(body).toContain('- Invoice J-1, due May 31, 2027: ¥150,000');
    expect(body).toContain('To stop receiving emails about this debt, reply with the word STOP.');
    // The invoices were overdue: the case's first reminder went out at once and carried the
    // validation notice, so it is not owed again.
    expect(preview.body.obligations).toEqual(['opt_out_notice']);
    expect(body).not.toContain('VALIDATION NOTICE');
    const [first] = (await api.request('GET', `/dev/outbox?debtorId=${debtor.body.id}`)).body.items;
    expect(first.body).toContain('VALIDATION NOTICE');
    // Sent when only the yen invoice existed.
    expect(plain(first.body)).toContain('You owe ¥150,000:');

    const sample = await api.request('POST', '/v1/templates/tpl_friendly_email_en/preview', {
      token: manager,
      body: {},
    });
    expect(plain(sample.body.body)).toContain('Hello Sample Debtor, €1,730.50 is open:');
  });

  it('write the workflow’s message when a policy step names their key', async () => {
    const policy = await api.request('POST', '/v1/policies', {
      token: manager,
      body: { name: 'Friendly', steps: [{ offsetDays: 0, action: 'email', template: 'friendly' }] },
    });
    expect(policy.status).toBe(201);
    const debtor = await api.request('POST', '/v1/debtors', {
      token: manager,
      body: {
        name: 'Hooli Inc',
        kind: 'business',
        email: 'ap@hooli.example',
        timezone: 'America/Chicago',
        jurisdiction: 'US-IL',
      },
    });
    await api.request('POST', '/v1/invoices', {
      token: manager,
      body: {
        debtorId: debtor.body.id,
        number: 'H-1',
        currency: 'USD',
        amount: 99_900,
        issueDate: '2027-05-01',
        dueDate: '2027-06-02',
      },
    });
    await api.request('POST', '/dev/clock', { body: { now: '2027-06-03T00:00:00Z' } });
    const [message] = (await api.request('GET', `/dev/outbox?debtorId=${debtor.body.id}`)).body.items;
    expect(message).toMatchObject({
      template: 'tpl_friendly_email_en@v2',
      subject: 'A quick note, Hooli Inc',
    });
    expect(plain(message.body)).toContain('Hello Hooli Inc, $999.00 is open:');
  });
});

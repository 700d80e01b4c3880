import { startTestApi, type TestApi } from '../support/local-api';

// Recoup's default: at most one automated message per channel per debtor per local day, even when
// the cadence's anchor moves (a dispute answered) the day a reminder already went.
let api: TestApi;
let token: string;
const TENANT = 'one-a-day-co';

beforeAll(async () => {
  api = await startTestApi();
  token = await api.token(TENANT, ['admin'], { sub: 'admin-1' });
  // Monday 2027-03-01 09:00 UTC.
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
});
afterAll(() => api.stop());

async function debtorWithInvoices(dueDates: string[]) {
  const debtor = await api.request('POST', '/v1/debtors', {
    token,
    body: {
      name: 'Initech GmbH',
      kind: 'business',
      email: 'ap@initech.example',
      phone: '+4930123456',
      postalAddress: { lines: ['Hauptstr. 1'], locality: 'Berlin', postalCode: '10115', country: 'DE' },
      timezone: 'Europe/Berlin',
      jurisdiction: 'DE',
    },
  });
  expect(debtor.status).toBe(201);
  const invoiceIds: string[] = [];
  for (const [index, dueDate] of dueDates.entries()) {
    const invoice = await api.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId: debtor.body.id,
        number: `DAY-${index + 1}`,
        currency: 'EUR',
        amount: 100_000,
        issueDate: '2027-02-01',
        dueDate,
      },
    });
    expect(invoice.status).toBe(201);
    invoiceIds.push(invoice.body.id);
  }
  return { debtorId: debtor.body.id as string, invoiceIds };
}

const caseOf = async (debtorId: string) =>
  (await api.request('GET', `/v1/debtors/${debtorId}/case`, { token })).body;
const outbox = async (debtorId: string) =>
  (await api.request('GET', `/dev/outbox?debtorId=${debtorId}`)).body.items as {
    channel: string;
    sentAt: string;
  }[];
const advanceTo = (iso: string) => api.request('POST', '/dev/clock', { body: { now: iso } });

/** Berlin calendar day of an instant. */
const berlinDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/Berlin' });

describe('one automated message per channel per local day', () => {
  it('a dispute rejected the day a reminder went out: the step it brings due waits for the next day', async () => {
    const {
      debtorId,
      invoiceIds: [older],
    } = await debtorWithInvoices(['2027-03-15', '2027-03-22']);
    // The case opens for the older invoice, which is then disputed: the cadence follows the newer one.
    await advanceTo('2027-03-07T06:00:00Z');
    const dispute = await api.request('POST', `/v1/invoices/${older}/disputes`, {
      token,
      body: { reason: 'Wrong quantity' },
    });
    expect(dispute.status).toBe(201);
    expect(await caseOf(debtorId)).toMatchObject({ status: 'active' });
    // Monday 03-15 10:00 CET: the newer invoice's -7 email goes out.
    await advanceTo('2027-03-15T09:00:30Z');
    expect((await outbox(debtorId)).map((message) => [message.channel, message.sentAt])).toEqual([
      ['email', '2027-03-15T09:00:00.000Z'],
    ]);
    // Half a minute later the dispute is rejected: the older invoice is back, its due-date email due today.
    const resolved = await api.request('POST', `/v1/disputes/${dispute.body.id}/resolve`, {
      token,
      body: { outcome: 'rejected' },
    });
    expect(resolved.status).toBe(200);
    expect(await outbox(debtorId)).toHaveLength(1);
    const deferred = await caseOf(debtorId);
    expect(deferred.deferred).toMatchObject({
      channels: ['email'],
      notBefore: '2027-03-16T07:00:00.000Z', // Tuesday 08:00 CET, when the working day opens
      reasons: ['contact_cap_reached'],
    });
    // The refusal is kept with its rule: in the case history, on the activity and in the audit trail.
    const rule = 'recoup-defaults: Recoup default: one automated message per channel per local day';
    expect(deferred.history).toContainEqual(
      expect.objectContaining({
        kind: 'send_deferred',
        detail: `email deferred to 2027-03-16T07:00:00.000Z: contact_cap_reached (${rule})`,
      }),
    );
    const activities = (await api.request('GET', `/v1/debtors/${debtorId}/activities`, { token })).body.items;
    const refused = activities.find((activity: { status: string }) => activity.status === 'refused');
    expect(refused).toMatchObject({
      type: 'email',
      source: 'system',
      compliance: { allowed: false, reasons: [{ code: 'contact_cap_reached', rule }] },
    });
    const audit = (await api.request('GET', `/v1/audit?entityId=${refused.id}`, { token })).body.items;
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'contact.refused',
        after: expect.objectContaining({
          reasons: [expect.objectContaining({ rule })],
          nextAllowedAt: '2027-03-16T07:00:00.000Z',
        }),
      }),
    ]);

    await advanceTo('2027-03-19T12:00:00Z');
    const sent = (await outbox(debtorId)).map((message) => [message.channel, message.sentAt]);
    expect(sent).toEqual([
      ['email', '2027-03-15T09:00:00.000Z'], // newer invoice, -7
      ['email', '2027-03-16T07:00:00.000Z'], // older invoice, due date: the next morning
      ['email', '2027-03-18T09:00:00.000Z'], // older invoice, +3 keeps its day
    ]);
    const days = sent.map(([channel, at]) => `${channel} ${berlinDay(at!)}`);
    expect(new Set(days).size).toBe(days.length);
    expect((await caseOf(debtorId)).history).toContainEqual(
      expect.objectContaining({ kind: 'reminder_sent', stepIndex: 1 }),
    );
  });
});

/**
 * The daily schedules on the local clock: due-date alerts at the first tick after the due instant
 * (the creditor's local midnight, across a DST change), the next morning's worklist in priority
 * order balanced by capacity, promises decided by the clock.
 */
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;
const TENANT = 'schedules-co';

const collectors = [
  { id: 'col-ann', name: 'Ann', email: 'ann@creditor.example', dailyCapacity: 1 },
  { id: 'col-bob', name: 'Bob', email: 'bob@creditor.example', dailyCapacity: 5 },
  { id: 'mgr-cy', name: 'Cy', email: 'cy@creditor.example', dailyCapacity: 3, role: 'manager' },
];

beforeAll(async () => {
  api = await startTestApi();
  // 2027-03-10 08:00 in New York (EST): four days before the 2027 spring-forward.
  await api.runtime.clock.moveTo(new Date('2027-03-10T13:00:00Z'));
  admin = await api.token(TENANT, ['admin'], { sub: 'admin-1' });
  const saved = await api.request('PUT', '/v1/settings', {
    token: admin,
    body: {
      timezone: 'America/New_York',
      baseCurrency: 'USD',
      collectors,
      alerts: { daysBeforeDue: [3], managerEmails: ['boss@creditor.example'] },
    },
  });
  expect(saved.status).toBe(200);
});
afterAll(() => api.stop());

const advanceTo = async (iso: string) => {
  const moved = await api.request('POST', '/dev/clock', { body: { now: iso } });
  expect(moved.status).toBe(200);
};

async function debtor(name: string, collectorId?: string) {
  const created = await api.request('POST', '/v1/debtors', {
    token: admin,
    body: sampleDebtor({
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '')}@debtor.example`,
      timezone: 'America/Chicago',
      jurisdiction: 'US-IL',
      ...(collectorId ? { collectorId } : {}),
    }),
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function invoice(debtorId: string, number: string, amount: number, issueDate: string, dueDate: string) {
  const created = await api.request('POST', '/v1/invoices', {
    token: admin,
    body: { debtorId, number, currency: 'USD', amount, issueDate, dueDate },
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

const outboxOf = async (debtorId: string) =>
  (await api.request('GET', `/dev/outbox?debtorId=${debtorId}`)).body.items as {
    id: string;
    to: string;
    template: string;
    subject: string;
    body: string;
    sentAt: string;
  }[];

describe('daily schedules on the local clock', () => {
  let lateDebtor: string;
  let promiseDebtor: string;
  let disputeDebtor: string;

  it('warns the collector days before the due date and alerts at the first tick after it passes', async () => {
    lateDebtor = await debtor('Acme Late', 'col-ann');
    // Due on the day the clocks spring forward (2027-03-14): late from 00:00 EDT on 03-15 = 04:00Z.
    await invoice(lateDebtor, 'INV-LATE-1', 250_000, '2027-02-12', '2027-03-14');
    promiseDebtor = await debtor('Promise Corp', 'col-ann');
    await invoice(promiseDebtor, 'INV-PROM-1', 900_000, '2027-01-10', '2027-02-09');
    disputeDebtor = await debtor('Dispute LLC', 'col-ann');
    const disputed = await invoice(disputeDebtor, 'INV-DISP-1', 120_000, '2027-01-20', '2027-02-19');
    expect(
      (
        await api.request('POST', `/v1/invoices/${disputed}/disputes`, {
          token: admin,
          body: { reason: 'Goods damaged' },
        })
      ).status,
    ).toBe(201);
    const promised = await api.request('POST', `/v1/debtors/${promiseDebtor}/promises`, {
      token: admin,
      body: { currency: 'USD', amount: 400_000, dueDate: '2027-03-12', graceDays: 0 },
    });
    expect(promised.status).toBe(201);

    // The next day opens at midnight New York time (05:00Z while on EST): 03-14 is 3 days ahead.
    await advanceTo('2027-03-11T05:00:00Z');
    const warned = (await outboxOf(lateDebtor)).filter((message) => message.template === 'invoice_due_soon');
    expect(warned).toEqual([
      expect.objectContaining({ to: 'ann@creditor.example', sentAt: '2027-03-11T05:00:00.000Z' }),
    ]);
    expect(warned[0]!.subject).toBe('Due in 3 days: invoice INV-LATE-1 of Acme Late');

    // Ann reaches the promise debtor on Thursday: counted in the week's productivity.
    await advanceTo('2027-03-11T16:00:00Z');
    const ann = await api.token(TENANT, ['collector'], { sub: 'col-ann' });
    const call = await api.request('POST', `/v1/debtors/${promiseDebtor}/activities`, {
      token: ann,
      body: { type: 'call', direction: 'outbound', outcome: 'conversation', at: '2027-03-11T15:30:00Z' },
    });
    expect(call.status).toBe(201);

    await advanceTo('2027-03-15T03:59:59Z');
    expect((await outboxOf(lateDebtor)).filter((message) => message.template === 'invoice_overdue')).toEqual(
      [],
    );
    await advanceTo('2027-03-15T04:30:00Z');
    const overdue = (await outboxOf(lateDebtor)).filter((message) => message.template === 'invoice_overdue');
    expect(overdue).toEqual([
      expect.objectContaining({ to: 'ann@creditor.example', sentAt: '2027-03-15T04:00:00.000Z' }),
    ]);
    expect(overdue[0]!.body).toContain('$2,500.00');
    expect(overdue[0]!.body).toContain('became overdue at 2027-03-15T04:00:00.000Z');
  });

  it('decided the unpaid promise as broken when its day ended', async () => {
    const promises = await api.request('GET', `/v1/debtors/${promiseDebtor}/promises`, { token: admin });
    expect(promises.body.items).toEqual([expect.objectContaining({ status: 'broken' })]);
    const audit = await api.request('GET', `/v1/audit?entityId=${promises.body.items[0].id}`, {
      token: admin,
    });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toContain('promise.broken');
  });

  it('lists the next morning’s work in priority order, shared out by capacity', async () => {
    const worklist = await api.request('GET', '/v1/worklist', { token: admin });
    expect(worklist.status).toBe(200);
    expect(worklist.body.date).toBe('2027-03-15');
    expect(worklist.body.builtAt).toBe('2027-03-15T04:00:00.000Z');
    const summary = worklist.body.items.map((item: Record<string, unknown>) => [
      item.rank,
      item.kind,
      item.debtorName,
      item.assignedTo,
    ]);
    // The broken promise on the largest, oldest debt ranks first and fills Ann's capacity of one;
    // the workflow's escalation of the same account goes to the manager; the dispute waiting since
    // 03-10 goes to Bob, who has room.
    expect(summary).toEqual([
      [1, 'broken_promise', 'Promise Corp', 'col-ann'],
      [2, 'escalation', 'Promise Corp', 'mgr-cy'],
      [3, 'dispute_waiting', 'Dispute LLC', 'col-bob'],
    ]);
    expect(worklist.body.items[0].reason).toBe('Promise to pay by 2027-03-12 was broken');
    expect(worklist.body.items[0].overdue).toEqual({ currency: 'USD', amount: 900_000 });
    expect(worklist.body.items[0].priority).toBeGreaterThan(worklist.body.items[1].priority);
    expect(worklist.body.items[2].overdue).toBeUndefined();

    const bob = await api.token(TENANT, ['collector'], { sub: 'col-bob' });
    const own = await api.request('GET', '/v1/worklist?collectorId=col-ann', { token: bob });
    expect(own.body.items.map((item: { kind: string }) => item.kind)).toEqual(['dispute_waiting']);
  });

  it('sends the managers the weekly report on Monday: aging, DSO/CEI trend, the collectors’ week', async () => {
    const reports = ((await api.request('GET', '/dev/outbox')).body.items as Record<string, string>[]).filter(
      (message) => message.template === 'weekly_report',
    );
    expect(reports.map((report) => report.to).sort()).toEqual([
      'boss@creditor.example',
      'cy@creditor.example',
    ]);
    expect(reports[0]!.sentAt).toBe('2027-03-15T04:00:00.000Z');
    expect(reports[0]!.subject).toBe('Collections weekly report 2027-03-08 – 2027-03-14');
    const body = reports[0]!.body!;
    // Due 03-14, 02-19 (disputed, still owed) and 02-09 (the broken promise's).
    expect(body).toContain(
      'Aging at 2027-03-14: current $2,500.00, 1–30 $1,200.00, 31–60 $9,000.00, 61–90 $0.00, 90+ $0.00',
    );
    // No invoice was issued in the last four weeks: no DSO (shown as —), never NaN.
    expect(body).toContain('DSO by week: — → — → — → —');
    // Ann's items: the promise falling due on 03-12, then the same promise broken on 03-13.
    expect(body).toContain('Ann: calls 1 (conversations 1), other contacts 0, worklist items 2');
    expect(body).toContain('Reminders sent: 1 email');

    const week = await api.request('GET', '/v1/productivity?from=2027-03-08&to=2027-03-14&granularity=day', {
      token: admin,
    });
    expect(week.status).toBe(200);
    expect(week.body.people).toEqual([
      { id: 'col-ann', name: 'Ann', calls: 1, conversations: 1, contacts: 0 },
    ]);
    expect(week.body.reminders).toEqual({ email: 1 });
    expect(week.body.series).toHaveLength(7);
    expect(week.body.series[3]).toMatchObject({
      period: { from: '2027-03-11' },
      people: [{ id: 'col-ann', calls: 1 }],
    });
  });

  it('records Monday’s cash forecast and measures it against what came in that week', async () => {
    await advanceTo('2027-03-16T16:00:00Z');
    const paid = await api.request('POST', '/v1/payments', {
      token: admin,
      body: { debtorId: lateDebtor, currency: 'USD', amount: 250_000, receivedAt: '2027-03-16T15:00:00Z' },
    });
    expect(paid.status).toBe(201);
    await advanceTo('2027-03-22T04:00:00Z');
    const forecast = await api.request('GET', '/v1/forecast?currency=USD', { token: admin });
    expect(forecast.status).toBe(200);
    expect(forecast.body).toMatchObject({ currency: 'USD', asOf: '2027-03-22', later: 0 });
    // Made on 03-15: the late invoice and the one under the broken promise were both expected that
    // week (no payment history: no habit to shift them); the disputed one was doubtful.
    expect(forecast.body.accuracy).toEqual([
      { from: '2027-03-15', to: '2027-03-21', expected: 1_150_000, actual: 250_000, errorPercent: -78.26 },
    ]);
    expect(forecast.body.doubtful).toBe(120_000);
    expect(forecast.body.weeks[0]).toMatchObject({ from: '2027-03-22', expected: 900_000 });
  });
});

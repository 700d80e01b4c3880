/**
 * Threshold alerts on the local clock: told when a subject starts breaching, not again while it
 * breaches, told again when it clears; a broken promise on a large account is told once.
 */
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let manager: string;
const TENANT = 'alerts-co';

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-05-03T08:00:00Z'));
  const admin = await api.token(TENANT, ['admin'], { sub: 'admin-1' });
  manager = await api.token(TENANT, ['manager'], { sub: 'manager-1' });
  await api.request('PUT', '/v1/settings', {
    token: admin,
    body: {
      timezone: 'Europe/Berlin',
      baseCurrency: 'EUR',
      alerts: { daysBeforeDue: [], managerEmails: ['risk@creditor.example'] },
    },
  });
});
afterAll(() => api.stop());

const thresholdMails = async () =>
  (
    (await api.request('GET', '/dev/outbox')).body.items as {
      template: string;
      subject: string;
      body: string;
      to: string;
    }[]
  )
    .filter((message) => message.template === 'threshold_alert')
    .map((message) => message.subject);

it('tells a breach once, and its clearing', async () => {
  const rule = await api.request('POST', '/v1/alert-rules', {
    token: manager,
    body: {
      name: 'Large overdue',
      metric: 'debtor_overdue',
      comparison: 'above',
      threshold: 1_000_000,
      currency: 'EUR',
    },
  });
  expect(rule.status).toBe(201);
  expect(rule.body).toMatchObject({
    id: expect.stringMatching(/^alr_/),
    windowDays: 30,
    recipients: [],
    firing: [],
  });
  const promiseRule = await api.request('POST', '/v1/alert-rules', {
    token: manager,
    body: {
      name: 'Broken promise, big account',
      metric: 'broken_promise_balance',
      comparison: 'above',
      threshold: 500_000,
      currency: 'EUR',
      recipients: ['cfo@creditor.example'],
    },
  });
  expect(promiseRule.status).toBe(201);

  const debtor = await api.request('POST', '/v1/debtors', {
    token: manager,
    body: sampleDebtor({ name: 'Big Owner' }),
  });
  const debtorId = debtor.body.id as string;
  const invoice = await api.request('POST', '/v1/invoices', {
    token: manager,
    body: {
      debtorId,
      number: 'BIG-1',
      currency: 'EUR',
      amount: 1_200_000,
      issueDate: '2027-04-01',
      dueDate: '2027-05-04',
    },
  });
  expect(invoice.status).toBe(201);
  await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
    token: manager,
    body: { currency: 'EUR', amount: 300_000, dueDate: '2027-05-05', graceDays: 0 },
  });

  // 05-05 closes at midnight Berlin (22:00Z, CEST): overdue 12,000.00 > 10,000.00, the promise broke.
  await api.request('POST', '/dev/clock', { body: { now: '2027-05-05T22:00:00Z' } });
  expect(await thresholdMails()).toEqual([
    'Alert "Large overdue": Big Owner',
    'Alert "Broken promise, big account": Big Owner (promise to pay by 2027-05-05)',
  ]);
  const listed = await api.request('GET', '/v1/alert-rules', { token: manager });
  expect(listed.body.items[0].firing).toEqual([
    { subject: debtorId, since: '2027-05-05T22:00:00.000Z', value: 1_200_000 },
  ]);

  // Still breaching the next day: nothing new.
  await api.request('POST', '/dev/clock', { body: { now: '2027-05-06T22:00:00Z' } });
  expect(await thresholdMails()).toHaveLength(2);

  // A payment brings the overdue to 7,000.00: cleared when the day closes.
  const paid = await api.request('POST', '/v1/payments', {
    token: manager,
    body: { debtorId, currency: 'EUR', amount: 500_000, receivedAt: '2027-05-06T21:00:00Z' },
  });
  expect(paid.status).toBe(201);
  await api.request('POST', '/dev/clock', { body: { now: '2027-05-07T22:00:00Z' } });
  expect((await thresholdMails()).slice(2)).toEqual(['Cleared "Large overdue": Big Owner']);
  expect((await api.request('GET', '/v1/alert-rules', { token: manager })).body.items[0].firing).toEqual([]);

  const outbox = (await api.request('GET', '/dev/outbox')).body.items as { template: string; to: string }[];
  expect(
    outbox.filter((message) => message.template === 'threshold_alert').map((message) => message.to),
  ).toEqual(['risk@creditor.example', 'cfo@creditor.example', 'risk@creditor.example']);
});

it('is managed by managers and admins only, and removable', async () => {
  const collector = await api.token(TENANT, ['collector'], { sub: 'col-1' });
  const refused = await api.request('POST', '/v1/alert-rules', {
    token: collector,
    body: { name: 'x', metric: 'dso', comparison: 'above', threshold: 45, currency: 'EUR' },
  });
  expect(refused.status).toBe(403);
  const bad = await api.request('POST', '/v1/alert-rules', {
    token: manager,
    body: { name: 'x', metric: 'debtor_overdue', comparison: 'above', threshold: 10.5, currency: 'EUR' },
  });
  expect(bad.status).toBe(400);
  const created = await api.request('POST', '/v1/alert-rules', {
    token: manager,
    body: { name: 'DSO watch', metric: 'dso', comparison: 'above', threshold: 45, currency: 'EUR' },
  });
  const removed = await api.request('DELETE', `/v1/alert-rules/${created.body.id}`, { token: manager });
  expect(removed.status).toBe(200);
  const names = (await api.request('GET', '/v1/alert-rules', { token: manager })).body.items.map(
    (rule: { name: string }) => rule.name,
  );
  expect(names).not.toContain('DSO watch');
});

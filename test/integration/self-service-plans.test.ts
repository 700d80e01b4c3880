/** A debtor agrees a payment plan in the portal, within the rules the creditor offers online. */
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
});
afterAll(() => api.stop());

async function debtorOf(tenant: string, rules?: object) {
  const admin = await api.token(tenant, ['admin'], { sub: `${tenant}-admin` });
  const settings = await api.request('PUT', '/v1/settings', {
    token: admin,
    body: { timezone: 'Europe/Berlin', ...(rules ? { selfServicePlans: rules } : {}) },
  });
  expect(settings.status).toBe(200);
  const debtor = await api.request('POST', '/v1/debtors', {
    token: admin,
    body: { name: 'Pat Doe', kind: 'person', timezone: 'Europe/Berlin', jurisdiction: 'DE' },
  });
  const invoice = await api.request('POST', '/v1/invoices', {
    token: admin,
    body: {
      debtorId: debtor.body.id,
      number: 'S-1',
      currency: 'EUR',
      amount: 60_000,
      issueDate: '2027-01-01',
      dueDate: '2027-02-01',
    },
  });
  const portal = await api.token(tenant, ['debtor'], { sub: 'portal-pat', debtorId: debtor.body.id });
  const ask = (body: object) =>
    api.request('POST', `/v1/debtors/${debtor.body.id}/plans`, {
      token: portal,
      headers: { 'idempotency-key': `plan-${JSON.stringify(body)}` },
      body: { invoiceIds: [invoice.body.id], ...body },
    });
  return { ask, admin, debtorId: debtor.body.id as string };
}

const rules = {
  maxInstallments: 6,
  frequencies: ['monthly'],
  maxDaysToFirstInstallment: 14,
  minInstallment: { EUR: 5_000 },
};

it('agrees a plan within the creditor’s rules', async () => {
  const { ask } = await debtorOf('plans-co', rules);
  const plan = await ask({ installments: 3, frequency: 'monthly', firstDueDate: '2027-03-10' });
  expect(plan.status).toBe(201);
  expect(plan.body).toMatchObject({ total: 60_000, frequency: 'monthly', status: 'active' });
  expect(plan.body.schedule.map((installment: { amount: number }) => installment.amount)).toEqual([
    20_000, 20_000, 20_000,
  ]);
});

it('refuses what goes beyond them, each with its field', async () => {
  const { ask } = await debtorOf('strict-co', rules);
  const problems = async (body: object) => {
    const answer = await ask(body);
    expect(answer.status).toBe(400);
    return answer.body.errors.map((error: { path: string }) => error.path);
  };
  expect(await problems({ installments: 13, frequency: 'monthly', firstDueDate: '2027-03-10' })).toEqual([
    'installments',
    'installments', // also below the smallest installment (60,000 / 13 < 5,000)
  ]);
  expect(await problems({ installments: 3, frequency: 'weekly', firstDueDate: '2027-03-10' })).toEqual([
    'frequency',
  ]);
  expect(await problems({ installments: 3, frequency: 'monthly', firstDueDate: '2027-04-30' })).toEqual([
    'firstDueDate',
  ]);
});

it('offers no plans online where the creditor set no rules; staff still agree any plan', async () => {
  const { ask, admin, debtorId } = await debtorOf('offline-co');
  const refused = await ask({ installments: 2, frequency: 'monthly', firstDueDate: '2027-03-10' });
  expect(refused.status).toBe(400);
  expect(refused.body.errors[0].message).toContain('with a collector');
  const invoices = await api.request('GET', `/v1/debtors/${debtorId}/invoices`, { token: admin });
  const byStaff = await api.request('POST', `/v1/debtors/${debtorId}/plans`, {
    token: admin,
    body: {
      invoiceIds: [invoices.body.items[0].id],
      installments: 24,
      frequency: 'weekly',
      firstDueDate: '2027-06-01',
    },
  });
  expect(byStaff.status).toBe(201);
});

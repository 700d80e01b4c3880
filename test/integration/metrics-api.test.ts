import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('metrics-co', ['admin']);
  await api.request('PUT', '/v1/settings', {
    token: admin,
    body: { timezone: 'Europe/Berlin', baseCurrency: 'EUR' },
  });
  const debtor = await api.request('POST', '/v1/debtors', { token: admin, body: sampleDebtor() });
  const other = await api.request('POST', '/v1/debtors', {
    token: admin,
    body: sampleDebtor({ name: 'Other' }),
  });
  // Domain rules §4, worked example (EUR, March 2026).
  const invoice = (
    debtorId: string,
    number: string,
    amount: number,
    issueDate: string,
    dueDate: string,
    currency = 'EUR',
  ) =>
    api.request('POST', '/v1/invoices', {
      token: admin,
      body: { debtorId, number, currency, amount, issueDate, dueDate },
    });
  await invoice(debtor.body.id, 'A', 4_000_000, '2026-01-10', '2026-02-09');
  await invoice(debtor.body.id, 'B', 6_000_000, '2026-02-05', '2026-03-07');
  await invoice(other.body.id, 'C', 3_500_000, '2026-03-10', '2026-04-09');
  await invoice(other.body.id, 'D', 2_500_000, '2026-03-20', '2026-04-19');
  await invoice(other.body.id, 'U', 9_900_000, '2026-03-20', '2026-04-19', 'USD');
  const pay = (amount: number, receivedAt: string) =>
    api.request('POST', '/v1/payments', {
      token: admin,
      body: { debtorId: debtor.body.id, currency: 'EUR', amount, receivedAt },
    });
  expect((await pay(4_000_000, '2026-03-05T10:00:00Z')).status).toBe(201);
  expect((await pay(3_000_000, '2026-03-25T10:00:00Z')).status).toBe(201);
});
afterAll(() => api.stop());

describe('metrics API', () => {
  it('reproduces the worked example of the domain rules figure for figure', async () => {
    const response = await api.request('GET', '/v1/metrics?from=2026-03-01&to=2026-03-31&currency=EUR', {
      token: admin,
    });
    expect(response.status).toBe(200);
    expect(response.body.inputs).toMatchObject({
      days: 31,
      arBegin: 10_000_000,
      creditSales: 6_000_000,
      arEnd: 9_000_000,
      currentEnd: 6_000_000,
    });
    expect(response.body).toMatchObject({
      currency: 'EUR',
      dso: 46.5,
      bestPossibleDso: 31,
      averageDaysDelinquent: 15.5,
      cei: 70,
      countbackDso: 45,
      aging: { current: 6_000_000, d1_30: 3_000_000, d31_60: 0, d61_90: 0, d90_plus: 0 },
    });
  });

  it('defaults to the base currency, keeps currencies apart and explains undefined figures', async () => {
    const base = await api.request('GET', '/v1/metrics?from=2026-03-01&to=2026-03-31', { token: admin });
    expect(base.body.dso).toBe(46.5);
    const usd = await api.request('GET', '/v1/metrics?from=2026-03-01&to=2026-03-31&currency=USD', {
      token: admin,
    });
    expect(usd.body.inputs.creditSales).toBe(9_900_000);
    const empty = await api.request('GET', '/v1/metrics?from=2025-01-01&to=2025-01-31&currency=EUR', {
      token: admin,
    });
    expect(empty.body.dso).toBeNull();
    expect(empty.body.notes.dso).toEqual(expect.any(String));
  });

  it('refuses a bad period and keeps other tenants out', async () => {
    expect(
      (await api.request('GET', '/v1/metrics?from=2026-03-31&to=2026-03-01', { token: admin })).status,
    ).toBe(400);
    const stranger = await api.token('someone-else', ['manager']);
    const theirs = await api.request('GET', '/v1/metrics?from=2026-03-01&to=2026-03-31&currency=EUR', {
      token: stranger,
    });
    expect(theirs.body.inputs.arEnd).toBe(0);
    const noBase = await api.request('GET', '/v1/metrics?from=2026-03-01&to=2026-03-31', { token: stranger });
    expect(noBase.status).toBe(400);
  });
});

describe('promise-kept rate', () => {
  it('counts an unpaid promise as broken once its deadline has passed', async () => {
    const token = await api.token('promise-metrics', ['admin']);
    await api.request('PUT', '/v1/settings', { token, body: { timezone: 'UTC', baseCurrency: 'EUR' } });
    const debtor = await api.request('POST', '/v1/debtors', {
      token,
      body: sampleDebtor({ timezone: 'UTC' }),
    });
    await api.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId: debtor.body.id,
        number: 'P-1',
        currency: 'EUR',
        amount: 50_000,
        issueDate: '2026-01-01',
        dueDate: '2026-01-31',
      },
    });
    const today = api.runtime.clock.now().toISOString().slice(0, 10);
    await api.request('POST', `/v1/debtors/${debtor.body.id}/promises`, {
      token,
      body: { currency: 'EUR', amount: 10_000, dueDate: today },
    });
    await api.runtime.clock.moveTo(new Date(api.runtime.clock.now().getTime() + 2 * 24 * 3600 * 1000));
    const metrics = await api.request('GET', `/v1/metrics?from=${today}&to=${today}`, { token });
    expect(metrics.body.promises).toEqual({ kept: 0, broken: 1, pending: 0 });
    expect(metrics.body.promiseKeptRate).toBe(0);
  });
});

import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('fx-co', ['admin']);
  await api.request('PUT', '/v1/settings', { token: admin, body: { timezone: 'UTC', baseCurrency: 'EUR' } });
  const debtor = await api.request('POST', '/v1/debtors', { token: admin, body: sampleDebtor() });
  const invoice = (number: string, currency: string, amount: number, dueDate: string) =>
    api.request('POST', '/v1/invoices', {
      token: admin,
      body: { debtorId: debtor.body.id, number, currency, amount, issueDate: '2026-01-01', dueDate },
    });
  await invoice('E1', 'EUR', 100_000, '2026-02-01');
  await invoice('E2', 'EUR', 50_000, '2026-12-31');
  await invoice('U1', 'USD', 200_000, '2026-02-01');
  await invoice('J1', 'JPY', 150_000, '2026-02-01');
  await invoice('K1', 'KWD', 1_500, '2026-02-01');
});
afterAll(() => api.stop());

describe('portfolio', () => {
  it('keeps each currency apart and converts only with dated rates, showing rate and date', async () => {
    const rate = (from: string, rateValue: string, date: string) =>
      api.request('POST', '/v1/exchange-rates', {
        token: admin,
        body: { from, to: 'EUR', rate: rateValue, date },
      });
    expect((await rate('USD', '0.9000', '2026-03-01')).status).toBe(201);
    expect((await rate('USD', '0.9500', '2026-04-01')).status).toBe(201);
    expect((await rate('JPY', '0.0061', '2026-03-01')).status).toBe(201);

    const portfolio = await api.request('GET', '/v1/portfolio?asOf=2026-03-15', { token: admin });
    expect(portfolio.status).toBe(200);
    expect(portfolio.body.currencies).toEqual([
      expect.objectContaining({ currency: 'EUR', outstanding: 150_000, overdue: 100_000 }),
      expect.objectContaining({ currency: 'JPY', outstanding: 150_000, overdue: 150_000 }),
      expect.objectContaining({ currency: 'KWD', outstanding: 1_500, overdue: 1_500 }),
      expect.objectContaining({ currency: 'USD', outstanding: 200_000, overdue: 200_000 }),
    ]);
    const { total } = portfolio.body;
    expect(total.conversions).toEqual([
      { from: 'JPY', rate: '0.0061', rateDate: '2026-03-01', outstanding: 91_500, overdue: 91_500 },
      { from: 'USD', rate: '0.9000', rateDate: '2026-03-01', outstanding: 180_000, overdue: 180_000 },
    ]);
    expect(total.missingRates).toEqual([expect.objectContaining({ from: 'KWD', to: 'EUR' })]);
    expect(total).toMatchObject({
      currency: 'EUR',
      outstanding: 150_000 + 91_500 + 180_000,
      complete: false,
    });

    const later = await api.request('GET', '/v1/portfolio?asOf=2026-04-02', { token: admin });
    expect(later.body.total.conversions.find((c: { from: string }) => c.from === 'USD')).toMatchObject({
      rate: '0.9500',
      rateDate: '2026-04-01',
    });
  });

  it('validates rates', async () => {
    const bad = await api.request('POST', '/v1/exchange-rates', {
      token: admin,
      body: { from: 'EUR', to: 'EUR', rate: '-1', date: '2026-13-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['rate', 'date']),
    );
  });
});

import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startTestApi();
  token = await api.token('ledger-co', ['accountant']);
});
afterAll(() => api.stop());

async function debtorWithInvoices(
  invoices: { number: string; amount: number; issueDate: string; dueDate: string; currency?: string }[],
) {
  const debtor = await api.request('POST', '/v1/debtors', {
    token,
    body: sampleDebtor({ name: 'Ledger Debtor' }),
  });
  const ids: Record<string, string> = {};
  for (const invoice of invoices) {
    const created = await api.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId: debtor.body.id,
        currency: 'EUR',
        ...invoice,
        number: `${invoice.number}-${debtor.body.id.slice(-6)}`,
      },
    });
    expect(created.status).toBe(201);
    ids[invoice.number] = created.body.id;
  }
  return { debtorId: debtor.body.id as string, ids };
}

const pay = (
  debtorId: string,
  amount: number,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  api.request('POST', '/v1/payments', {
    token,
    headers,
    body: { debtorId, currency: 'EUR', amount, receivedAt: '2026-03-05T10:00:00Z', ...extra },
  });

const invoice = async (id: string) => (await api.request('GET', `/v1/invoices/${id}`, { token })).body;
const debtor = async (id: string) => (await api.request('GET', `/v1/debtors/${id}`, { token })).body;

describe('payments API', () => {
  it('applies a payment oldest due date first and keeps the rest as credit for the next invoice', async () => {
    const { debtorId, ids } = await debtorWithInvoices([
      { number: 'B', amount: 6_000_000, issueDate: '2026-02-05', dueDate: '2026-03-07' },
      { number: 'A', amount: 4_000_000, issueDate: '2026-01-10', dueDate: '2026-02-09' },
    ]);
    const first = await pay(debtorId, 5_000_000);
    expect(first.status).toBe(201);
    expect(
      first.body.allocations.map((a: { invoiceId: string; amount: number }) => [a.invoiceId, a.amount]),
    ).toEqual([
      [ids.A, 4_000_000],
      [ids.B, 1_000_000],
    ]);
    expect(first.body.unapplied).toBe(0);
    expect(await invoice(ids.A as string)).toMatchObject({ outstanding: 0, status: 'paid' });
    expect(await invoice(ids.B as string)).toMatchObject({ outstanding: 5_000_000, status: 'open' });

    const over = await pay(debtorId, 6_000_000);
    expect(over.body.unapplied).toBe(1_000_000);
    expect((await debtor(debtorId)).credits).toEqual([{ currency: 'EUR', amount: 1_000_000 }]);

    const next = await api.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId,
        number: `C-${debtorId}`,
        currency: 'EUR',
        amount: 3_500_000,
        issueDate: '2026-03-10',
        dueDate: '2026-04-09',
      },
    });
    expect(next.body).toMatchObject({ paid: 1_000_000, outstanding: 2_500_000 });
    expect((await debtor(debtorId)).credits).toEqual([]);
    const overAfter = (await api.request('GET', `/v1/payments/${over.body.id}`, { token })).body;
    expect(overAfter.unapplied).toBe(0);
    expect(overAfter.allocations.map((a: { invoiceId: string }) => a.invoiceId)).toEqual([
      ids.B,
      next.body.id,
    ]);

    // The overpayment bounces: B and C are owed again, no credit is left.
    const reversed = await api.request('POST', `/v1/payments/${over.body.id}/reverse`, {
      token,
      body: { reason: 'Returned: insufficient funds' },
    });
    expect(reversed.status).toBe(200);
    expect(reversed.body.status).toBe('reversed');
    expect(await invoice(ids.B as string)).toMatchObject({ outstanding: 5_000_000 });
    expect(await invoice(next.body.id)).toMatchObject({ outstanding: 3_500_000 });
    expect((await debtor(debtorId)).balances).toEqual([
      { currency: 'EUR', outstanding: 8_500_000, overdue: expect.any(Number) },
    ]);
    const again = await api.request('POST', `/v1/payments/${over.body.id}/reverse`, {
      token,
      body: { reason: 'again' },
    });
    expect(again.status).toBe(422);
  });

  it('honours explicit allocations and validates them', async () => {
    const { debtorId, ids } = await debtorWithInvoices([
      { number: 'X', amount: 10_000, issueDate: '2026-01-01', dueDate: '2026-01-31' },
      { number: 'Y', amount: 20_000, issueDate: '2026-01-01', dueDate: '2026-02-28' },
    ]);
    const explicit = await pay(debtorId, 25_000, { allocations: [{ invoiceId: ids.Y, amount: 20_000 }] });
    expect(explicit.status).toBe(201);
    expect(explicit.body.allocations).toEqual([
      expect.objectContaining({ invoiceId: ids.Y, amount: 20_000 }),
    ]);
    expect(explicit.body.unapplied).toBe(5_000);
    expect(await invoice(ids.X as string)).toMatchObject({ outstanding: 10_000 });

    const tooMuch = await pay(debtorId, 50_000, { allocations: [{ invoiceId: ids.X, amount: 10_001 }] });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors).toEqual([expect.objectContaining({ path: 'allocations.0.amount' })]);
    const overSum = await pay(debtorId, 5_000, { allocations: [{ invoiceId: ids.X, amount: 10_000 }] });
    expect(overSum.body.errors.map((e: { path: string }) => e.path)).toContain('allocations');
    const wrongCurrency = await pay(debtorId, 100, {
      currency: 'USD',
      allocations: [{ invoiceId: ids.X, amount: 100 }],
    });
    expect(wrongCurrency.status).toBe(400);
    expect(await invoice(ids.X as string)).toMatchObject({ outstanding: 10_000 });
  });

  it('refuses payments received in the future and floats', async () => {
    const { debtorId } = await debtorWithInvoices([]);
    expect((await pay(debtorId, 100, { receivedAt: '2099-01-01T00:00:00Z' })).status).toBe(400);
    expect((await pay(debtorId, 10.5)).status).toBe(400);
  });

  it('applies 100 concurrent payments against one debtor exactly: none lost, none applied twice', async () => {
    const invoices = Array.from({ length: 5 }, (_, index) => ({
      number: `CC${index}`,
      amount: 2_000,
      issueDate: '2026-01-01',
      dueDate: `2026-02-0${index + 1}`,
    }));
    const { debtorId, ids } = await debtorWithInvoices(invoices);
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        pay(debtorId, 150, {}, { 'idempotency-key': `concurrent-${debtorId}-${index}` }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(201));
    // 100 × 1.50 = 150.00 against 100.00 owed: everything paid, 50.00 of credit.
    for (const id of Object.values(ids))
      expect(await invoice(id)).toMatchObject({ outstanding: 0, paid: 2_000 });
    const view = await debtor(debtorId);
    expect(view.balances).toEqual([]);
    expect(view.credits).toEqual([{ currency: 'EUR', amount: 5_000 }]);
    const payments = await api.request('GET', `/v1/debtors/${debtorId}/payments?limit=100`, { token });
    expect(payments.body.items).toHaveLength(100);
    const applied = payments.body.items.reduce(
      (total: number, p: { allocations: { amount: number }[] }) =>
        total + p.allocations.reduce((t, a) => t + a.amount, 0),
      0,
    );
    expect(applied).toBe(10_000);
  }, 120_000);

  it('applies a retried payment once for the same Idempotency-Key, even when the retries race', async () => {
    const { debtorId, ids } = await debtorWithInvoices([
      { number: 'R', amount: 10_000, issueDate: '2026-01-01', dueDate: '2026-01-31' },
    ]);
    const headers = { 'idempotency-key': `retry-${debtorId}` };
    const results = await Promise.all(Array.from({ length: 6 }, () => pay(debtorId, 4_000, {}, headers)));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await invoice(ids.R as string)).toMatchObject({ outstanding: 6_000 });
    const other = await pay(debtorId, 4_001, {}, headers);
    expect(other.status).toBe(422);
  });
});

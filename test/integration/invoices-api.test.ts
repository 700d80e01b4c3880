import { localDate } from '../../shared/domain/time/calendar-date';
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;
let debtorId: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('acme', ['accountant']);
  // A Tokyo debtor: "today" for its balances is the Tokyo calendar date.
  const debtor = await api.request('POST', '/v1/debtors', {
    token: admin,
    body: sampleDebtor({ name: 'Kabushiki Kaisha', timezone: 'Asia/Tokyo', jurisdiction: 'JP' }),
  });
  debtorId = debtor.body.id;
});
afterAll(() => api.stop());

const invoice = (overrides: Record<string, unknown> = {}) => ({
  debtorId,
  number: `INV-${Math.random().toString(36).slice(2, 10)}`,
  currency: 'EUR',
  amount: 125000,
  issueDate: '2026-01-10',
  dueDate: '2026-02-09',
  ...overrides,
});

describe('invoices API', () => {
  it('creates an invoice that is open with its full amount outstanding', async () => {
    const created = await api.request('POST', '/v1/invoices', {
      token: admin,
      body: invoice({ number: 'A-1' }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 'A-1',
      currency: 'EUR',
      amount: 125000,
      outstanding: 125000,
      status: 'open',
    });
    const fetched = await api.request('GET', `/v1/invoices/${created.body.id}`, { token: admin });
    expect(fetched.body).toEqual(created.body);
  });

  it('refuses a duplicate invoice number (409) and an unknown debtor (404)', async () => {
    expect(
      (await api.request('POST', '/v1/invoices', { token: admin, body: invoice({ number: 'DUP-1' }) }))
        .status,
    ).toBe(201);
    const duplicate = await api.request('POST', '/v1/invoices', {
      token: admin,
      body: invoice({ number: 'DUP-1' }),
    });
    expect(duplicate.status).toBe(409);
    const orphan = await api.request('POST', '/v1/invoices', {
      token: admin,
      body: invoice({ debtorId: 'dbt_01JD7X2M4K8Q9R3S5T6V7W8X9Y' }),
    });
    expect(orphan.status).toBe(404);
  });

  it.each([
    ['a float amount', { amount: 12.5 }, 'amount'],
    ['a negative amount', { amount: -100 }, 'amount'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['an impossible date', { dueDate: '2026-02-30' }, 'dueDate'],
    ['a due date before the issue date', { issueDate: '2026-03-01', dueDate: '2026-02-01' }, 'dueDate'],
    ['an amount as a string', { amount: '125000' }, 'amount'],
  ])('answers %s with 400 naming the field', async (_case, overrides, field) => {
    const response = await api.request('POST', '/v1/invoices', { token: admin, body: invoice(overrides) });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('shows balances per currency, never summed, with overdue as of the debtor local date', async () => {
    const other = await api.request('POST', '/v1/debtors', {
      token: admin,
      body: sampleDebtor({ name: 'Multi Currency', timezone: 'Asia/Kuwait', jurisdiction: 'KW' }),
    });
    const id = other.body.id;
    const post = (body: Record<string, unknown>) =>
      api.request('POST', '/v1/invoices', { token: admin, body: invoice({ debtorId: id, ...body }) });
    await post({ currency: 'EUR', amount: 10000, issueDate: '2020-01-01', dueDate: '2020-01-31' });
    await post({ currency: 'EUR', amount: 5000, issueDate: '2020-01-01', dueDate: '2099-01-31' });
    await post({ currency: 'KWD', amount: 1500, issueDate: '2020-01-01', dueDate: '2020-03-01' });
    await post({ currency: 'JPY', amount: 700, issueDate: '2020-01-01', dueDate: '2099-03-01' });
    const debtor = await api.request('GET', `/v1/debtors/${id}`, { token: admin });
    expect(debtor.body.balances).toEqual([
      { currency: 'EUR', outstanding: 15000, overdue: 10000 },
      { currency: 'JPY', outstanding: 700, overdue: 0 },
      { currency: 'KWD', outstanding: 1500, overdue: 1500 },
    ]);
    expect(debtor.body.aging).toContainEqual({
      currency: 'EUR',
      current: 5000,
      d1_30: 0,
      d31_60: 0,
      d61_90: 0,
      d90_plus: 10000,
    });
    expect(debtor.body.asOf).toBe(localDate(api.runtime.clock.now(), 'Asia/Kuwait'));
  });

  it('lists a debtor invoices by due date with a cursor', async () => {
    const { body: debtor } = await api.request('POST', '/v1/debtors', {
      token: admin,
      body: sampleDebtor({ name: 'Lister' }),
    });
    const dues = ['2026-05-01', '2026-03-01', '2026-04-01'];
    for (const dueDate of dues) {
      await api.request('POST', '/v1/invoices', {
        token: admin,
        body: invoice({ debtorId: debtor.id, issueDate: '2026-01-01', dueDate }),
      });
    }
    const first = await api.request('GET', `/v1/debtors/${debtor.id}/invoices?limit=2`, { token: admin });
    const second = await api.request(
      'GET',
      `/v1/debtors/${debtor.id}/invoices?limit=2&cursor=${first.body.nextCursor}`,
      { token: admin },
    );
    const order = [...first.body.items, ...second.body.items].map((i: { dueDate: string }) => i.dueDate);
    expect(order).toEqual(['2026-03-01', '2026-04-01', '2026-05-01']);
  });

  it('changes an invoice with If-Match, audits it, and keeps other tenants out', async () => {
    const { body: created } = await api.request('POST', '/v1/invoices', { token: admin, body: invoice() });
    const changed = await api.request('PATCH', `/v1/invoices/${created.id}`, {
      token: admin,
      headers: { 'if-match': '1' },
      body: { dueDate: '2026-02-28', description: 'Consulting, January' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ dueDate: '2026-02-28', version: 2 });
    const stale = await api.request('PATCH', `/v1/invoices/${created.id}`, {
      token: admin,
      headers: { 'if-match': '1' },
      body: { dueDate: '2026-03-15' },
    });
    expect(stale.status).toBe(409);
    const amountChange = await api.request('PATCH', `/v1/invoices/${created.id}`, {
      token: admin,
      body: { amount: 1 },
    });
    expect(amountChange.status).toBe(400);

    const outsider = await api.token('other-tenant', ['admin']);
    expect((await api.request('GET', `/v1/invoices/${created.id}`, { token: outsider })).status).toBe(404);
    expect((await api.request('GET', `/v1/debtors/${debtorId}/invoices`, { token: outsider })).status).toBe(
      404,
    );

    const manager = await api.token('acme', ['manager']);
    const audit = await api.request('GET', `/v1/audit?entityId=${created.id}`, { token: manager });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'invoice.created',
      'invoice.updated',
    ]);
    expect(audit.body.items[1].before.dueDate).toBe('2026-02-09');
    expect(audit.body.items[1].after.dueDate).toBe('2026-02-28');
  });

  it('creates an invoice once for a repeated Idempotency-Key', async () => {
    const body = invoice({ number: 'IDEM-1' });
    const headers = { 'idempotency-key': 'inv-idem-1' };
    const first = await api.request('POST', '/v1/invoices', { token: admin, headers, body });
    const again = await api.request('POST', '/v1/invoices', { token: admin, headers, body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const listed = await api.request('GET', `/v1/debtors/${debtorId}/invoices?limit=100`, { token: admin });
    expect(listed.body.items.filter((i: { number: string }) => i.number === 'IDEM-1')).toHaveLength(1);
  });

  it('lets a portal user read only their own invoices', async () => {
    const { body: created } = await api.request('POST', '/v1/invoices', { token: admin, body: invoice() });
    const own = await api.token('acme', ['debtor'], { debtorId });
    const stranger = await api.token('acme', ['debtor'], { debtorId: 'dbt_01JD7X2M4K8Q9R3S5T6V7W8X9Y' });
    expect((await api.request('GET', `/v1/invoices/${created.id}`, { token: own })).status).toBe(200);
    expect((await api.request('GET', `/v1/invoices/${created.id}`, { token: stranger })).status).toBe(404);
    expect((await api.request('POST', '/v1/invoices', { token: own, body: invoice() })).status).toBe(403);
  });
});

import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;
let accountant: string;
let manager: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('controls', ['admin'], { sub: 'ada' });
  accountant = await api.token('controls', ['accountant'], { sub: 'ann' });
  manager = await api.token('controls', ['manager'], { sub: 'max' });
  const saved = await api.request('PUT', '/v1/settings', {
    token: admin,
    body: { timezone: 'Europe/Paris', baseCurrency: 'EUR', approvalThresholds: { EUR: 100_000 } },
  });
  expect(saved.status).toBe(200);
});
afterAll(() => api.stop());

let counter = 0;
async function newInvoice(amount: number, overrides: Record<string, unknown> = {}) {
  const debtor = await api.request('POST', '/v1/debtors', { token: accountant, body: sampleDebtor() });
  const invoice = await api.request('POST', '/v1/invoices', {
    token: accountant,
    body: {
      debtorId: debtor.body.id,
      number: `ADJ-${++counter}`,
      currency: 'EUR',
      amount,
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      ...overrides,
    },
  });
  return invoice.body as { id: string; debtorId: string };
}
const getInvoice = async (id: string) =>
  (await api.request('GET', `/v1/invoices/${id}`, { token: accountant })).body;

describe('tenant settings', () => {
  it('are read by staff and changed by admins only, with versions', async () => {
    const read = await api.request('GET', '/v1/settings', { token: accountant });
    expect(read.body).toMatchObject({
      timezone: 'Europe/Paris',
      approvalThresholds: { EUR: 100_000 },
      version: 1,
    });
    const refused = await api.request('PUT', '/v1/settings', {
      token: accountant,
      body: { timezone: 'UTC' },
    });
    expect(refused.status).toBe(403);
    const stale = await api.request('PUT', '/v1/settings', {
      token: admin,
      headers: { 'if-match': '"0"' },
      body: { timezone: 'UTC', approvalThresholds: { EUR: 100_000 } },
    });
    expect(stale.status).toBe(409);
    const badCurrency = await api.request('PUT', '/v1/settings', {
      token: admin,
      body: { timezone: 'UTC', approvalThresholds: { EURO: 1 } },
    });
    expect(badCurrency.status).toBe(400);
  });
});

describe('write-offs and credit notes under four-eyes', () => {
  it('writes off a small invoice at once, as bad debt, audited', async () => {
    const invoice = await newInvoice(50_000);
    const written = await api.request('POST', `/v1/invoices/${invoice.id}/write-off`, {
      token: accountant,
      body: { reason: 'Insolvent' },
    });
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({ status: 'written_off', outstanding: 0, writtenOff: 50_000 });
    const audit = await api.request('GET', `/v1/audit?entityId=${invoice.id}`, { token: admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('invoice.written_off');
    const again = await api.request('POST', `/v1/invoices/${invoice.id}/write-off`, {
      token: accountant,
      body: { reason: 'x' },
    });
    expect(again.status).toBe(422);
  });

  it('holds a large write-off for a second person; nobody approves their own', async () => {
    const invoice = await newInvoice(250_000);
    const held = await api.request('POST', `/v1/invoices/${invoice.id}/write-off`, {
      token: manager,
      body: { reason: 'Uncollectable' },
    });
    expect(held.status).toBe(202);
    expect(held.body).toMatchObject({
      kind: 'write_off',
      status: 'pending',
      amount: 250_000,
      requestedBy: 'max',
    });
    expect(held.headers.get('location')).toBe(`/v1/approvals/${held.body.id}`);
    expect(await getInvoice(invoice.id)).toMatchObject({ status: 'open', outstanding: 250_000 });

    const pending = await api.request('GET', '/v1/approvals?status=pending', { token: admin });
    expect(pending.body.items.map((a: { id: string }) => a.id)).toContain(held.body.id);

    const own = await api.request('POST', `/v1/approvals/${held.body.id}/approve`, {
      token: manager,
      body: {},
    });
    expect(own.status).toBe(422);
    const byAccountant = await api.request('POST', `/v1/approvals/${held.body.id}/approve`, {
      token: accountant,
      body: {},
    });
    expect(byAccountant.status).toBe(403);
    const approved = await api.request('POST', `/v1/approvals/${held.body.id}/approve`, {
      token: admin,
      body: { note: 'Agreed' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: 'ada',
      adjustmentId: expect.stringMatching(/^wof_/),
    });
    expect(await getInvoice(invoice.id)).toMatchObject({ status: 'written_off', writtenOff: 250_000 });
    const twice = await api.request('POST', `/v1/approvals/${held.body.id}/reject`, {
      token: admin,
      body: {},
    });
    expect(twice.status).toBe(422);
  });

  it('leaves the invoice untouched when the request is rejected', async () => {
    const invoice = await newInvoice(300_000);
    const held = await api.request('POST', `/v1/invoices/${invoice.id}/credit-notes`, {
      token: accountant,
      body: { amount: 200_000, reason: 'Goodwill' },
    });
    expect(held.status).toBe(202);
    const rejected = await api.request('POST', `/v1/approvals/${held.body.id}/reject`, {
      token: manager,
      body: { note: 'No' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: 'No' });
    expect(await getInvoice(invoice.id)).toMatchObject({ outstanding: 300_000, credited: 0 });
  });

  it('issues a credit note that reduces what is owed, never below zero', async () => {
    const invoice = await newInvoice(80_000);
    const note = await api.request('POST', `/v1/invoices/${invoice.id}/credit-notes`, {
      token: accountant,
      body: { amount: 30_000, reason: 'Price correction' },
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      kind: 'credit_note',
      amount: 30_000,
      invoice: { outstanding: 50_000, credited: 30_000, status: 'open' },
    });
    const tooMuch = await api.request('POST', `/v1/invoices/${invoice.id}/credit-notes`, {
      token: accountant,
      body: { amount: 50_001, reason: 'Too much' },
    });
    expect(tooMuch.status).toBe(422);
  });
});

describe('disputes', () => {
  it('pause an invoice: payments skip it until the dispute is rejected', async () => {
    const invoice = await newInvoice(40_000, { dueDate: '2026-01-15' });
    const other = await api.request('POST', '/v1/invoices', {
      token: accountant,
      body: {
        debtorId: invoice.debtorId,
        number: `ADJ-${++counter}`,
        currency: 'EUR',
        amount: 10_000,
        issueDate: '2026-01-01',
        dueDate: '2026-03-01',
      },
    });
    const opened = await api.request('POST', `/v1/invoices/${invoice.id}/disputes`, {
      token: accountant,
      body: { reason: 'Damaged goods' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'open', invoiceId: invoice.id });
    expect(await getInvoice(invoice.id)).toMatchObject({ status: 'disputed' });
    expect(
      (
        await api.request('POST', `/v1/invoices/${invoice.id}/disputes`, {
          token: accountant,
          body: { reason: 'again' },
        })
      ).status,
    ).toBe(422);

    const payment = await api.request('POST', '/v1/payments', {
      token: accountant,
      body: {
        debtorId: invoice.debtorId,
        currency: 'EUR',
        amount: 15_000,
        receivedAt: '2026-02-01T09:00:00Z',
      },
    });
    expect(payment.body.allocations).toEqual([
      expect.objectContaining({ invoiceId: other.body.id, amount: 10_000 }),
    ]);
    expect(payment.body.unapplied).toBe(5_000);

    const rejected = await api.request('POST', `/v1/disputes/${opened.body.id}/resolve`, {
      token: manager,
      body: { outcome: 'rejected' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', hoursToResolve: expect.any(Number) });
    expect(await getInvoice(invoice.id)).toMatchObject({ status: 'open', outstanding: 40_000 });
    const listed = await api.request('GET', `/v1/debtors/${invoice.debtorId}/disputes`, {
      token: accountant,
    });
    expect(listed.body.items).toHaveLength(1);
  });

  it('upheld: a credit note for the conceded amount, held for approval above the threshold', async () => {
    const small = await newInvoice(60_000);
    const opened = await api.request('POST', `/v1/invoices/${small.id}/disputes`, {
      token: accountant,
      body: { reason: 'Short delivery' },
    });
    const upheld = await api.request('POST', `/v1/disputes/${opened.body.id}/resolve`, {
      token: manager,
      body: { outcome: 'upheld', creditAmount: 20_000 },
    });
    expect(upheld.status).toBe(200);
    expect(upheld.body).toMatchObject({ status: 'upheld', creditAmount: 20_000 });
    expect(await getInvoice(small.id)).toMatchObject({
      status: 'open',
      credited: 20_000,
      outstanding: 40_000,
    });

    const large = await newInvoice(500_000);
    const big = await api.request('POST', `/v1/invoices/${large.id}/disputes`, {
      token: accountant,
      body: { reason: 'Wrong price' },
    });
    const held = await api.request('POST', `/v1/disputes/${big.body.id}/resolve`, {
      token: manager,
      body: { outcome: 'upheld' },
    });
    expect(held.status).toBe(202);
    expect(held.body).toMatchObject({ kind: 'dispute_credit', amount: 500_000, disputeId: big.body.id });
    // One request at a time per dispute: a second one waits for the first to be decided.
    const again = await api.request('POST', `/v1/disputes/${big.body.id}/resolve`, {
      token: manager,
      body: { outcome: 'upheld', creditAmount: 450_000 },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('A credit for this dispute already waits for approval');
    expect((await api.request('GET', `/v1/disputes/${big.body.id}`, { token: accountant })).body.status).toBe(
      'open',
    );
    const approved = await api.request('POST', `/v1/approvals/${held.body.id}/approve`, {
      token: admin,
      body: {},
    });
    expect(approved.status).toBe(200);
    expect(
      (await api.request('GET', `/v1/disputes/${big.body.id}`, { token: accountant })).body,
    ).toMatchObject({ status: 'upheld', creditAmount: 500_000 });
    expect(await getInvoice(large.id)).toMatchObject({ status: 'paid', credited: 500_000, outstanding: 0 });
  });

  it('takes a new credit request for a dispute once the pending one is rejected', async () => {
    const invoice = await newInvoice(400_000);
    const dispute = await api.request('POST', `/v1/invoices/${invoice.id}/disputes`, {
      token: accountant,
      body: { reason: 'Damaged' },
    });
    const first = await api.request('POST', `/v1/disputes/${dispute.body.id}/resolve`, {
      token: manager,
      body: { outcome: 'upheld' },
    });
    expect(first.status).toBe(202);
    const rejected = await api.request('POST', `/v1/approvals/${first.body.id}/reject`, {
      token: admin,
      body: { note: 'Ask for photos first' },
    });
    expect(rejected.status).toBe(200);
    const second = await api.request('POST', `/v1/disputes/${dispute.body.id}/resolve`, {
      token: manager,
      body: { outcome: 'upheld', creditAmount: 200_000 },
    });
    expect(second.status).toBe(202);
    expect(second.body).toMatchObject({ amount: 200_000, disputeId: dispute.body.id });
  });

  it('lets a portal user dispute their own invoice only', async () => {
    const invoice = await newInvoice(12_000);
    const portal = await api.token('controls', ['debtor'], { debtorId: invoice.debtorId });
    const stranger = await api.token('controls', ['debtor'], { debtorId: 'dbt_01JD7X2M4K8Q9R3S5T6V7W8X9Y' });
    expect(
      (
        await api.request('POST', `/v1/invoices/${invoice.id}/disputes`, {
          token: stranger,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api.request('POST', `/v1/invoices/${invoice.id}/disputes`, {
          token: portal,
          body: { reason: 'Never ordered' },
        })
      ).status,
    ).toBe(201);
  });
});

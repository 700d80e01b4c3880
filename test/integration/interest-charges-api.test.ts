import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let token: string;
let invoiceId: string;
let debtorId: string;

beforeAll(async () => {
  api = await startTestApi();
  token = await api.token('charges-co', ['accountant']);
  const debtor = await api.request('POST', '/v1/debtors', {
    token,
    body: { name: 'Late Payer Ltd', kind: 'business', timezone: 'Europe/London', jurisdiction: 'GB' },
  });
  debtorId = debtor.body.id;
  const invoice = await api.request('POST', '/v1/invoices', {
    token,
    body: {
      debtorId,
      number: 'GB-1',
      currency: 'GBP',
      amount: 500_000,
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
    },
  });
  invoiceId = invoice.body.id;
});
afterAll(() => api.stop());

describe('interest charges', () => {
  it('posts what accrued once, keeps it owed after the principal is paid, and waives on request', async () => {
    const posted = await api.request('POST', `/v1/invoices/${invoiceId}/interest-charges`, {
      token,
      body: { asOf: '2026-03-01' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.posted.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'compensation',
      'interest',
    ]);
    const compensation = posted.body.posted.find((c: { kind: string }) => c.kind === 'compensation');
    expect(compensation.amount).toBe(7_000);
    const interest = posted.body.posted.find((c: { kind: string }) => c.kind === 'interest');
    expect(interest.amount).toBeGreaterThan(0);

    const again = await api.request('POST', `/v1/invoices/${invoiceId}/interest-charges`, {
      token,
      body: { asOf: '2026-03-01' },
    });
    expect(again.status).toBe(200);
    expect(again.body.posted).toEqual([]);

    // The principal is paid in full: the claimed charges stay owed.
    await api.request('POST', '/v1/payments', {
      token,
      body: { debtorId, currency: 'GBP', amount: 500_000, receivedAt: '2026-03-02T10:00:00Z' },
    });
    const charges = await api.request('GET', `/v1/invoices/${invoiceId}/charges`, { token });
    expect(charges.body.totals.owed).toBe(interest.amount + 7_000);
    const debtor = await api.request('GET', `/v1/debtors/${debtorId}`, { token });
    expect(debtor.body.balances).toEqual([]);
    expect(debtor.body.charges).toEqual([{ currency: 'GBP', owed: interest.amount + 7_000 }]);

    // Money beyond the principal pays the compensation first, then interest, before becoming credit.
    const extra = await api.request('POST', '/v1/payments', {
      token,
      body: { debtorId, currency: 'GBP', amount: 5_000, receivedAt: '2026-03-03T10:00:00Z' },
    });
    expect(extra.body.chargeAllocations).toEqual([
      expect.objectContaining({ chargeId: compensation.id, amount: 5_000 }),
    ]);
    expect(extra.body.unapplied).toBe(0);
    const afterExtra = await api.request('GET', `/v1/invoices/${invoiceId}/charges`, { token });
    expect(afterExtra.body.totals.owed).toBe(interest.amount + 2_000);
    // The extra payment bounces: the compensation is owed again.
    await api.request('POST', `/v1/payments/${extra.body.id}/reverse`, {
      token,
      body: { reason: 'Bounced' },
    });
    expect((await api.request('GET', `/v1/invoices/${invoiceId}/charges`, { token })).body.totals.owed).toBe(
      interest.amount + 7_000,
    );

    const waived = await api.request('POST', `/v1/invoices/${invoiceId}/charges/${interest.id}/waive`, {
      token,
      body: { reason: 'Goodwill after prompt settlement' },
    });
    expect(waived.status).toBe(200);
    expect(waived.body.totals.owed).toBe(7_000);
    const twice = await api.request('POST', `/v1/invoices/${invoiceId}/charges/${interest.id}/waive`, {
      token,
      body: { reason: 'again' },
    });
    expect(twice.status).toBe(422);
    // A waived charge is not posted again.
    const later = await api.request('POST', `/v1/invoices/${invoiceId}/interest-charges`, {
      token,
      body: { asOf: '2026-03-01' },
    });
    expect(later.body.posted).toEqual([]);
  });

  it('pays the charges a payer names before the invoices, and refuses more than they owe', async () => {
    const other = await api.request('POST', '/v1/debtors', {
      token,
      body: { name: 'Named Payer Ltd', kind: 'business', timezone: 'Europe/London', jurisdiction: 'GB' },
    });
    const invoice = await api.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId: other.body.id,
        number: 'GB-2',
        currency: 'GBP',
        amount: 200_000,
        issueDate: '2026-01-01',
        dueDate: '2026-01-31',
      },
    });
    const posted = await api.request('POST', `/v1/invoices/${invoice.body.id}/interest-charges`, {
      token,
      body: { asOf: '2026-03-01' },
    });
    const interest = posted.body.posted.find((c: { kind: string }) => c.kind === 'interest');
    const payment = await api.request('POST', '/v1/payments', {
      token,
      body: {
        debtorId: other.body.id,
        currency: 'GBP',
        amount: 10_000,
        receivedAt: '2026-03-02T10:00:00Z',
        chargeAllocations: [{ chargeId: interest.id, amount: interest.amount }],
      },
    });
    expect(payment.status).toBe(201);
    expect(payment.body.chargeAllocations).toEqual([
      expect.objectContaining({ chargeId: interest.id, amount: interest.amount }),
    ]);
    expect(payment.body.allocations).toEqual([
      expect.objectContaining({ invoiceId: invoice.body.id, amount: 10_000 - interest.amount }),
    ]);
    const tooMuch = await api.request('POST', '/v1/payments', {
      token,
      body: {
        debtorId: other.body.id,
        currency: 'GBP',
        amount: 10_000,
        receivedAt: '2026-03-02T10:00:00Z',
        chargeAllocations: [{ chargeId: interest.id, amount: 1 }],
      },
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors).toEqual([expect.objectContaining({ path: 'chargeAllocations.0.amount' })]);
  });

  it('keeps collectors out of posting and waiving', async () => {
    const collector = await api.token('charges-co', ['collector']);
    expect(
      (
        await api.request('POST', `/v1/invoices/${invoiceId}/interest-charges`, {
          token: collector,
          body: {},
        })
      ).status,
    ).toBe(403);
    expect((await api.request('GET', `/v1/invoices/${invoiceId}/charges`, { token: collector })).status).toBe(
      200,
    );
  });

  it('holds a waiver above the four-eyes threshold for a second person, who waives it on approval', async () => {
    const admin = await api.token('waivers-co', ['admin'], { sub: 'admin-1' });
    const manager = await api.token('waivers-co', ['manager'], { sub: 'manager-1' });
    await api.request('PUT', '/v1/settings', {
      token: admin,
      body: { timezone: 'Europe/London', approvalThresholds: { GBP: 5_000 } },
    });
    const debtor = await api.request('POST', '/v1/debtors', {
      token: manager,
      body: { name: 'Waiver Ltd', kind: 'business', timezone: 'Europe/London', jurisdiction: 'GB' },
    });
    const invoice = await api.request('POST', '/v1/invoices', {
      token: manager,
      body: {
        debtorId: debtor.body.id,
        number: 'W-1',
        currency: 'GBP',
        amount: 500_000,
        issueDate: '2026-01-01',
        dueDate: '2026-01-31',
      },
    });
    const posted = await api.request('POST', `/v1/invoices/${invoice.body.id}/interest-charges`, {
      token: manager,
      body: { asOf: '2026-03-01' },
    });
    const compensation = posted.body.posted.find(
      (charge: { kind: string }) => charge.kind === 'compensation',
    );
    const held = await api.request(
      'POST',
      `/v1/invoices/${invoice.body.id}/charges/${compensation.id}/waive`,
      {
        token: manager,
        body: { reason: 'Long-standing customer' },
      },
    );
    expect(held.status).toBe(202);
    expect(held.headers.get('location')).toBe(`/v1/approvals/${held.body.id}`);
    expect(held.body).toMatchObject({
      kind: 'charge_waiver',
      chargeId: compensation.id,
      amount: 7_000,
      status: 'pending',
    });
    const stillOwed = await api.request('GET', `/v1/invoices/${invoice.body.id}/charges`, {
      token: manager,
    });
    expect(stillOwed.body.byKind.compensation.owed).toBe(7_000);

    const own = await api.request('POST', `/v1/approvals/${held.body.id}/approve`, {
      token: manager,
      body: {},
    });
    expect(own.status).toBe(422);
    const approved = await api.request('POST', `/v1/approvals/${held.body.id}/approve`, {
      token: admin,
      body: {},
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'admin-1' });
    const after = await api.request('GET', `/v1/invoices/${invoice.body.id}/charges`, { token: manager });
    expect(after.body.byKind.compensation.owed).toBe(0);
    expect(after.body.charges.find((charge: { id: string }) => charge.id === compensation.id)).toMatchObject({
      waivedBy: 'manager-1',
      waiverApprovedBy: 'admin-1',
      waiverReason: 'Long-standing customer',
    });
  });
});

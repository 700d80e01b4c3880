import { addDays, localDate } from '../../shared/domain/time/calendar-date';
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let token: string;
const ZONE = 'America/New_York';

beforeAll(async () => {
  api = await startTestApi();
  token = await api.token('promises-co', ['collector']);
});
afterAll(() => api.stop());

const today = () => localDate(api.runtime.clock.now(), ZONE);
let counter = 0;

async function debtorOwing(...amounts: number[]) {
  const debtor = await api.request('POST', '/v1/debtors', {
    token,
    body: sampleDebtor({ timezone: ZONE, jurisdiction: 'US-NY', kind: 'person', name: 'Pat Doe' }),
  });
  const invoices: string[] = [];
  for (const amount of amounts) {
    const invoice = await api.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId: debtor.body.id,
        number: `PP-${++counter}`,
        currency: 'EUR',
        amount,
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
      },
    });
    invoices.push(invoice.body.id);
  }
  return { debtorId: debtor.body.id as string, invoices };
}

const pay = (debtorId: string, amount: number) =>
  api.request('POST', '/v1/payments', {
    token,
    body: { debtorId, currency: 'EUR', amount, receivedAt: api.runtime.clock.now().toISOString() },
  });

describe('promises to pay', () => {
  it('is kept once payments after it cover the amount, and recorded as kept', async () => {
    const { debtorId } = await debtorOwing(100_000);
    const made = await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
      token,
      body: { currency: 'EUR', amount: 50_000, dueDate: addDays(today(), 3), graceDays: 2 },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'pending', graceDays: 2 });

    await pay(debtorId, 20_000);
    let listed = await api.request('GET', `/v1/debtors/${debtorId}/promises`, { token });
    expect(listed.body.items[0]).toMatchObject({ status: 'pending', amountPaid: 20_000 });

    await pay(debtorId, 30_000);
    listed = await api.request('GET', `/v1/debtors/${debtorId}/promises`, { token });
    expect(listed.body.items[0]).toMatchObject({
      status: 'kept',
      amountPaid: 50_000,
      resolvedAt: expect.any(String),
    });
    const audit = await api.request('GET', `/v1/audit?entityId=${made.body.id}`, {
      token: await api.token('promises-co', ['auditor']),
    });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'promise.made',
      'promise.kept',
    ]);
  });

  it('is broken at the end of due date + grace in the debtor time zone, with the shortfall', async () => {
    const { debtorId } = await debtorOwing(100_000);
    await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
      token,
      body: { currency: 'EUR', amount: 10_000, dueDate: addDays(today(), 1), graceDays: 1 },
    });
    await pay(debtorId, 4_000);
    await api.runtime.clock.moveTo(new Date(api.runtime.clock.now().getTime() + 4 * 24 * 3600 * 1000));
    const listed = await api.request('GET', `/v1/debtors/${debtorId}/promises`, { token });
    expect(listed.body.items[0]).toMatchObject({
      status: 'broken',
      amountPaid: 4_000,
      shortfall: 6_000,
      partial: true,
    });
  });

  it('supersedes a pending promise in the same currency and refuses a past due date', async () => {
    const { debtorId } = await debtorOwing(100_000);
    const first = await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
      token,
      body: { currency: 'EUR', amount: 10_000, dueDate: addDays(today(), 5) },
    });
    await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
      token,
      body: { currency: 'EUR', amount: 20_000, dueDate: addDays(today(), 9) },
    });
    const listed = await api.request('GET', `/v1/debtors/${debtorId}/promises`, { token });
    expect(
      listed.body.items.map((p: { id: string; status: string }) => [p.id === first.body.id, p.status]),
    ).toEqual([
      [false, 'pending'],
      [true, 'cancelled'],
    ]);
    const past = await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
      token,
      body: { currency: 'EUR', amount: 1, dueDate: addDays(today(), -1) },
    });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ path: 'dueDate' })]);
  });

  it('is withdrawn by a collector, once, with who and why; not by a reader or another tenant', async () => {
    const { debtorId } = await debtorOwing(50_000);
    const promise = await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
      token,
      body: { currency: 'EUR', amount: 50_000, dueDate: addDays(today(), 7) },
    });
    const path = `/v1/debtors/${debtorId}/promises/${promise.body.id}/cancel`;
    const body = { reason: 'Recorded on the wrong account' };
    const auditor = await api.token('promises-co', ['auditor']);
    expect((await api.request('POST', path, { token: auditor, body })).status).toBe(403);
    const stranger = await api.token('other-co', ['collector']);
    expect((await api.request('POST', path, { token: stranger, body })).status).toBe(404);

    const headers = { 'idempotency-key': `cancel-${promise.body.id}` };
    const cancelled = await api.request('POST', path, { token, body, headers });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      id: promise.body.id,
      status: 'cancelled',
      cancellation: { by: expect.any(String), reason: 'Recorded on the wrong account' },
    });
    const replayed = await api.request('POST', path, { token, body, headers });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toEqual(cancelled.body);
    const again = await api.request('POST', path, { token, body });
    expect(again.status).toBe(422);
    expect(again.body.detail).toMatch(/cancelled: only a pending promise/);
    const listed = await api.request('GET', `/v1/debtors/${debtorId}/promises`, { token });
    expect(listed.body.items[0]).toMatchObject({ id: promise.body.id, status: 'cancelled' });
    const audit = await api.request('GET', `/v1/audit?entityId=${promise.body.id}`, { token: auditor });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toContain('promise.cancelled');
  });

  it('cannot be withdrawn once kept', async () => {
    const { debtorId } = await debtorOwing(30_000);
    const promise = await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
      token,
      body: { currency: 'EUR', amount: 30_000, dueDate: addDays(today(), 3) },
    });
    await pay(debtorId, 30_000);
    const refused = await api.request('POST', `/v1/debtors/${debtorId}/promises/${promise.body.id}/cancel`, {
      token,
      body: { reason: 'Too late' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/kept/);
  });
});

describe('payment plans', () => {
  it('splits what is owed into installments and follows the payments', async () => {
    const { debtorId, invoices } = await debtorOwing(60_000, 40_000);
    const first = addDays(today(), 10);
    const plan = await api.request('POST', `/v1/debtors/${debtorId}/plans`, {
      token,
      body: { invoiceIds: invoices, installments: 3, frequency: 'monthly', firstDueDate: first },
    });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ total: 100_000, currency: 'EUR', status: 'active' });
    expect(plan.body.schedule.map((i: { amount: number }) => i.amount)).toEqual([33_334, 33_333, 33_333]);
    const invoice = await api.request('GET', `/v1/invoices/${invoices[0]}`, { token });
    expect(invoice.body.planId).toBe(plan.body.id);

    await pay(debtorId, 33_334);
    let listed = await api.request('GET', `/v1/debtors/${debtorId}/plans`, { token });
    expect(listed.body.items[0].schedule.map((i: { status: string }) => i.status)).toEqual([
      'paid',
      'pending',
      'pending',
    ]);
    expect(listed.body.items[0]).toMatchObject({ status: 'active', paid: 33_334 });

    // The second installment goes unpaid past its due date: the plan breaks.
    await api.runtime.clock.moveTo(new Date(api.runtime.clock.now().getTime() + 45 * 24 * 3600 * 1000));
    listed = await api.request('GET', `/v1/debtors/${debtorId}/plans`, { token });
    expect(listed.body.items[0].status).toBe('broken');
    expect(listed.body.items[0].schedule[1].status).toBe('missed');
  });

  it('refuses disputed invoices, invoices already on a plan and a mix of currencies', async () => {
    const { debtorId, invoices } = await debtorOwing(10_000, 20_000);
    await api.request('POST', `/v1/invoices/${invoices[0]}/disputes`, {
      token,
      body: { reason: 'Wrong amount' },
    });
    const body = (ids: string[]) => ({
      invoiceIds: ids,
      installments: 2,
      frequency: 'weekly',
      firstDueDate: addDays(today(), 7),
    });
    expect(
      (
        await api.request('POST', `/v1/debtors/${debtorId}/plans`, {
          token,
          body: body([invoices[0] as string]),
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await api.request('POST', `/v1/debtors/${debtorId}/plans`, {
          token,
          body: body([invoices[1] as string]),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api.request('POST', `/v1/debtors/${debtorId}/plans`, {
          token,
          body: body([invoices[1] as string]),
        })
      ).status,
    ).toBe(422);
    const usd = await api.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId,
        number: `PP-${++counter}`,
        currency: 'USD',
        amount: 500,
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
      },
    });
    const eur = await api.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId,
        number: `PP-${++counter}`,
        currency: 'EUR',
        amount: 500,
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
      },
    });
    expect(
      (
        await api.request('POST', `/v1/debtors/${debtorId}/plans`, {
          token,
          body: body([usd.body.id, eur.body.id]),
        })
      ).status,
    ).toBe(422);
    const repeated = await api.request('POST', `/v1/debtors/${debtorId}/plans`, {
      token,
      body: body([eur.body.id, eur.body.id]),
    });
    expect(repeated.status).toBe(400);
  });
});

describe('a bounced payment and a broken plan', () => {
  it('re-opens the promise the bounced payment had kept', async () => {
    const { debtorId } = await debtorOwing(100_000);
    await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
      token,
      body: { currency: 'EUR', amount: 30_000, dueDate: addDays(today(), 5) },
    });
    const payment = await pay(debtorId, 30_000);
    expect(
      (await api.request('GET', `/v1/debtors/${debtorId}/promises`, { token })).body.items[0].status,
    ).toBe('kept');
    const accountant = await api.token('promises-co', ['accountant']);
    const reversed = await api.request('POST', `/v1/payments/${payment.body.id}/reverse`, {
      token: accountant,
      body: { reason: 'Returned unpaid' },
    });
    expect(reversed.status).toBe(200);
    const listed = await api.request('GET', `/v1/debtors/${debtorId}/promises`, { token });
    expect(listed.body.items[0]).toMatchObject({ status: 'pending', amountPaid: 0 });
  });

  it('lets the invoices of a broken plan go on a new plan', async () => {
    const { debtorId, invoices } = await debtorOwing(20_000);
    const body = () => ({
      invoiceIds: invoices,
      installments: 2,
      frequency: 'weekly',
      firstDueDate: addDays(today(), 3),
    });
    expect((await api.request('POST', `/v1/debtors/${debtorId}/plans`, { token, body: body() })).status).toBe(
      201,
    );
    await api.runtime.clock.moveTo(new Date(api.runtime.clock.now().getTime() + 10 * 24 * 3600 * 1000));
    const again = await api.request('POST', `/v1/debtors/${debtorId}/plans`, { token, body: body() });
    expect(again.status).toBe(201);
    const plans = await api.request('GET', `/v1/debtors/${debtorId}/plans`, { token });
    expect(plans.body.items.map((p: { status: string }) => p.status)).toEqual(['active', 'broken']);
  });
});

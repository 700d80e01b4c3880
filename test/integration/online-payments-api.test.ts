/**
 * Paying online: the real Stripe client against the local Stripe stand-in, and webhooks signed
 * the way Stripe signs them — checked before anything is read, applied once however often
 * Stripe delivers them.
 */
import Stripe from 'stripe';
import { LOCAL_STRIPE_WEBHOOK_SECRET } from '../../local/providers/local-stripe';
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;
let debtorId: string;
let portal: string;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
  admin = await api.token('pay-co', ['admin'], { sub: 'admin-1' });
  const debtor = await api.request('POST', '/v1/debtors', {
    token: admin,
    body: {
      name: 'Pat Doe',
      kind: 'person',
      timezone: 'Europe/Berlin',
      jurisdiction: 'DE',
      email: 'pat@example.com',
    },
  });
  debtorId = debtor.body.id;
  for (const [number, currency, amount] of [
    ['P-1', 'EUR', 30_000],
    ['P-2', 'EUR', 20_000],
    ['P-3', 'KWD', 1_500],
  ] as const) {
    const invoice = await api.request('POST', '/v1/invoices', {
      token: admin,
      body: { debtorId, number, currency, amount, issueDate: '2027-01-01', dueDate: '2027-02-01' },
    });
    expect(invoice.status).toBe(201);
  }
  portal = await api.token('pay-co', ['debtor'], { sub: 'portal-pat', debtorId });
});
afterAll(() => api.stop());

const returnUrl = () => `${api.runtime.url}/portal`;

function signed(event: object): { body: string; signature: string } {
  const body = JSON.stringify(event);
  return {
    body,
    signature: Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: LOCAL_STRIPE_WEBHOOK_SECRET,
    }),
  };
}

function paidEvent(sessionId: string, amount: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `evt_${sessionId}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.parse('2027-03-01T09:00:00Z') / 1000),
    livemode: false,
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        payment_status: 'paid',
        status: 'complete',
        amount_total: amount,
        currency: 'eur',
        metadata: { tenantId: 'pay-co', debtorId },
        ...overrides,
      },
    },
  };
}

const webhook = (body: string, signature?: string) =>
  api.request('POST', '/v1/webhooks/stripe', {
    rawBody: body,
    headers: signature ? { 'stripe-signature': signature } : {},
  });

describe('checkout', () => {
  it('sends the debtor to the hosted page and records the payment when the signed event arrives', async () => {
    const checkout = await api.request('POST', `/v1/debtors/${debtorId}/checkout`, {
      token: portal,
      headers: { 'idempotency-key': 'pay-1' },
      body: { currency: 'EUR', amount: 25_000, returnUrl: returnUrl() },
    });
    expect(checkout.status).toBe(201);
    expect(checkout.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/checkout\/cs_test_/);
    const page = await fetch(checkout.body.url);
    expect(await page.text()).toContain('Pay €250.00');

    const paid = await fetch(`${checkout.body.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`${returnUrl()}?paid=1`);

    const payments = await api.request('GET', `/v1/debtors/${debtorId}/payments`, { token: admin });
    expect(payments.body.items).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        amount: 25_000,
        method: 'card',
        reference: checkout.body.sessionId,
      }),
    ]);
    const debtor = await api.request('GET', `/v1/debtors/${debtorId}`, { token: admin });
    expect(debtor.body.balances).toEqual(
      expect.arrayContaining([expect.objectContaining({ currency: 'EUR', outstanding: 25_000 })]),
    );
  });

  it('answers a retried request with the same checkout', async () => {
    const first = await api.request('POST', `/v1/debtors/${debtorId}/checkout`, {
      token: portal,
      headers: { 'idempotency-key': 'pay-2' },
      body: { currency: 'EUR', amount: 1_000, returnUrl: returnUrl() },
    });
    const again = await api.request('POST', `/v1/debtors/${debtorId}/checkout`, {
      token: portal,
      headers: { 'idempotency-key': 'pay-2' },
      body: { currency: 'EUR', amount: 1_000, returnUrl: returnUrl() },
    });
    expect(again.body.sessionId).toBe(first.body.sessionId);
  });

  it('refuses more than is owed, a currency not owed, a return address off the portal, and another debtor', async () => {
    const ask = (body: object, token = portal, id = debtorId) =>
      api.request('POST', `/v1/debtors/${id}/checkout`, { token, body });
    const tooMuch = await ask({ currency: 'EUR', amount: 25_001, returnUrl: returnUrl() });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0]).toMatchObject({
      path: 'amount',
      message: expect.stringContaining('€250.00'),
    });
    const notOwed = await ask({ currency: 'USD', amount: 100, returnUrl: returnUrl() });
    expect(notOwed.body.errors[0].path).toBe('currency');
    const elsewhere = await ask({ currency: 'EUR', amount: 100, returnUrl: 'https://evil.example/x' });
    expect(elsewhere.body.errors[0].path).toBe('returnUrl');
    // KWD has three decimals; card networks take it in multiples of ten fils.
    const fils = await ask({ currency: 'KWD', amount: 1_005, returnUrl: returnUrl() });
    expect(fils.body.errors[0]).toMatchObject({ path: 'amount', message: expect.stringContaining('0.010') });
    const other = await api.token('pay-co', ['debtor'], {
      sub: 'portal-other',
      debtorId: 'dbt_01JD7X2M4K8Q9R3S5T6V7W8X9Y',
    });
    expect((await ask({ currency: 'EUR', amount: 100, returnUrl: returnUrl() }, other)).status).toBe(404);
  });
});

describe('the webhook', () => {
  it('records a paid session once, however often it is delivered', async () => {
    const event = signed(paidEvent('cs_test_replayed', 5_000));
    const first = await webhook(event.body, event.signature);
    expect(first.body).toEqual({ received: true, recorded: true });
    const again = await webhook(event.body, event.signature);
    expect(again.body).toEqual({ received: true, recorded: false });
    const payments = await api.request('GET', `/v1/debtors/${debtorId}/payments`, { token: admin });
    expect(
      payments.body.items.filter(
        (payment: { reference?: string }) => payment.reference === 'cs_test_replayed',
      ),
    ).toHaveLength(1);
  });

  it('refuses a body that is not what was signed, a wrong secret and a missing signature', async () => {
    const event = signed(paidEvent('cs_test_forged', 5_000));
    const tampered = event.body.replace('5000', '500000');
    expect((await webhook(tampered, event.signature)).status).toBe(400);
    const wrongSecret = Stripe.webhooks.generateTestHeaderString({
      payload: event.body,
      secret: 'whsec_someone_else',
    });
    expect((await webhook(event.body, wrongSecret)).status).toBe(400);
    expect((await webhook(event.body)).status).toBe(400);
    const payments = await api.request('GET', `/v1/debtors/${debtorId}/payments`, { token: admin });
    expect(
      payments.body.items.some((payment: { reference?: string }) => payment.reference === 'cs_test_forged'),
    ).toBe(false);
  });

  it('records nothing for sessions not yet paid and events it does not act on', async () => {
    const unpaid = signed(paidEvent('cs_test_unpaid', 5_000, { payment_status: 'unpaid' }));
    expect((await webhook(unpaid.body, unpaid.signature)).body).toEqual({ received: true, recorded: false });
    const other = signed({
      id: 'evt_other',
      object: 'event',
      type: 'customer.created',
      created: 0,
      data: { object: {} },
    });
    expect((await webhook(other.body, other.signature)).body).toEqual({ received: true, recorded: false });
  });
});

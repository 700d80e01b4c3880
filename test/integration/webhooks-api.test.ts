/**
 * Webhooks through the local runtime: an endpoint subscribed by an admin, a payment recorded, and
 * the receiver — a real HTTP server — gets the event once, signed with the endpoint's secret; a
 * receiver that fails is retried with backoff on the local clock; the delivery log shows every
 * attempt; tenants never hear each other's events.
 */
import { verifySignature } from '../../shared/domain/webhooks/webhook-signature';
import { JITTER, MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../shared/domain/webhooks/webhook-retry';
import { DISABLE_AFTER_FAILED_DELIVERIES } from '../../shared/domain/webhooks/webhook-endpoint';
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

let api: TestApi;
let receiver: WebhookReceiver;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-05-03T08:00:00Z'));
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await api.stop();
});

const advance = (duration: string) => api.request('POST', '/dev/clock', { body: { advance: duration } });

async function tenant(name: string) {
  const admin = await api.token(name, ['admin'], { sub: `${name}-admin` });
  const debtor = await api.request('POST', '/v1/debtors', {
    token: admin,
    body: sampleDebtor({ name: 'Umbrella Corporation Ltd', email: 'ap@umbrella.example' }),
  });
  expect(debtor.status).toBe(201);
  const invoice = await api.request('POST', '/v1/invoices', {
    token: admin,
    body: {
      debtorId: debtor.body.id,
      number: `WH-${name}`,
      currency: 'EUR',
      amount: 250_000,
      issueDate: '2027-04-01',
      dueDate: '2027-05-01',
    },
  });
  expect(invoice.status).toBe(201);
  return { admin, debtorId: debtor.body.id as string, invoiceId: invoice.body.id as string };
}

async function subscribe(admin: string, url: string, eventTypes = ['payment.received']) {
  const created = await api.request('POST', '/v1/webhooks', { token: admin, body: { url, eventTypes } });
  expect(created.status).toBe(201);
  return created.body as { id: string; secret: string; version: number };
}

const pay = (admin: string, debtorId: string, amount: number) =>
  api.request('POST', '/v1/payments', {
    token: admin,
    body: { debtorId, currency: 'EUR', amount, receivedAt: '2027-05-02T10:00:00Z' },
  });

const deliveries = async (admin: string, webhookId: string) =>
  (await api.request('GET', `/v1/webhooks/${webhookId}/deliveries`, { token: admin })).body.items as any[];

describe('webhooks', () => {
  it('delivers a recorded payment once, signed with the endpoint secret, with ids and amounts only', async () => {
    const { admin, debtorId, invoiceId } = await tenant('hooks-one');
    const endpoint = await subscribe(admin, receiver.url);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const before = receiver.received.length;

    const payment = await pay(admin, debtorId, 100_000);
    expect(payment.status).toBe(201);

    const arrived = receiver.received.slice(before);
    expect(arrived).toHaveLength(1);
    const [request] = arrived;
    const now = api.runtime.clock.now();
    expect(
      verifySignature(request!.headers['recoup-signature'] as string, request!.body, [endpoint.secret], now),
    ).toEqual({
      valid: true,
      timestamp: Math.floor(now.getTime() / 1000),
    });
    expect(
      verifySignature(
        request!.headers['recoup-signature'] as string,
        `${request!.body} `,
        [endpoint.secret],
        now,
      ).valid,
    ).toBe(false);
    const event = JSON.parse(request!.body);
    expect(request!.headers['recoup-event-id']).toBe(event.id);
    expect(Object.keys(event)).toEqual(['id', 'type', 'tenantId', 'occurredAt', 'data']);
    expect(event).toMatchObject({
      type: 'payment.received',
      tenantId: 'hooks-one',
      data: {
        paymentId: payment.body.id,
        debtorId,
        currency: 'EUR',
        amount: 100_000,
        allocations: [{ invoiceId, amount: 100_000 }],
      },
    });
    // No personal data: the debtor's name and address stay in the API.
    expect(request!.body).not.toMatch(/Umbrella|umbrella\.example/);

    // Nothing more arrives when the clock moves on: the delivery is done.
    await advance('PT2H');
    expect(receiver.received.slice(before)).toHaveLength(1);
    const [logged] = await deliveries(admin, endpoint.id);
    expect(logged).toMatchObject({
      eventId: event.id,
      status: 'succeeded',
      attempts: 1,
      lastResponseStatus: 200,
    });
    expect(logged.body).toBeUndefined();

    // The secret is never shown again, nor audited.
    const read = await api.request('GET', `/v1/webhooks/${endpoint.id}`, { token: admin });
    expect(read.body.secret).toBeUndefined();
    const audit = await api.request('GET', `/v1/audit?entityId=${endpoint.id}`, { token: admin });
    expect(audit.body.items.map((entry: any) => entry.action)).toEqual(['webhook.created']);
    expect(JSON.stringify(audit.body)).not.toContain(endpoint.secret);
  });

  it('retries a failing receiver with backoff on the clock until it answers, and logs each attempt', async () => {
    const { admin, debtorId } = await tenant('hooks-retry');
    const endpoint = await subscribe(admin, receiver.url);
    const before = receiver.received.length;
    receiver.answers.push(500, 500);

    await pay(admin, debtorId, 10_000);
    expect(receiver.received.length - before).toBe(1);
    let [delivery] = await deliveries(admin, endpoint.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastResponseStatus: 500 });
    const firstRetry = Date.parse(delivery.nextAttemptAt) - api.runtime.clock.now().getTime();
    // One minute, give or take the jitter.
    expect(firstRetry).toBeGreaterThanOrEqual(48_000);
    expect(firstRetry).toBeLessThanOrEqual(72_000);

    // Not yet: half a minute on, nothing is retried.
    await advance('PT30S');
    expect(receiver.received.length - before).toBe(1);

    await advance('PT1M');
    expect(receiver.received.length - before).toBe(2);
    [delivery] = await deliveries(admin, endpoint.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2, lastResponseStatus: 500 });

    await advance('PT10M');
    expect(receiver.received.length - before).toBe(3);
    [delivery] = await deliveries(admin, endpoint.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, lastResponseStatus: 200 });
    expect(delivery.log.map((attempt: any) => attempt.responseStatus)).toEqual([500, 500, 200]);
    expect(delivery.log.every((attempt: any) => Number.isInteger(attempt.latencyMs))).toBe(true);
    // Every attempt carried the same event, each signed afresh.
    const bodies = new Set(receiver.received.slice(before).map((request) => request.body));
    expect(bodies.size).toBe(1);

    // A person asks for it again: delivered once more, logged as manual.
    const retried = await api.request('POST', `/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/retry`, {
      token: admin,
    });
    expect(retried.status).toBe(200);
    expect(receiver.received.length - before).toBe(4);
    [delivery] = await deliveries(admin, endpoint.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 4 });
    expect(delivery.log.at(-1)).toMatchObject({ responseStatus: 200, manual: true });
  });

  it("never delivers another tenant's events, nor shows its endpoints", async () => {
    const ours = await tenant('hooks-ours');
    const theirs = await tenant('hooks-theirs');
    const endpoint = await subscribe(ours.admin, receiver.url);
    const before = receiver.received.length;

    await pay(theirs.admin, theirs.debtorId, 5_000);
    expect(receiver.received.length).toBe(before);
    expect((await api.request('GET', '/v1/webhooks', { token: theirs.admin })).body.items).toEqual([]);
    expect((await api.request('GET', `/v1/webhooks/${endpoint.id}`, { token: theirs.admin })).status).toBe(
      404,
    );
    expect(
      (await api.request('GET', `/v1/webhooks/${endpoint.id}/deliveries`, { token: theirs.admin })).status,
    ).toBe(404);

    await pay(ours.admin, ours.debtorId, 5_000);
    const arrived = receiver.received.slice(before).map((request) => JSON.parse(request.body));
    expect(arrived.map((event) => event.tenantId)).toEqual(['hooks-ours']);
  });

  it('sends only the subscribed types, and a rotated secret signs from then on', async () => {
    const { admin, debtorId, invoiceId } = await tenant('hooks-types');
    const endpoint = await subscribe(admin, receiver.url, ['dispute.opened']);
    const before = receiver.received.length;
    await pay(admin, debtorId, 1_000);
    expect(receiver.received.length).toBe(before);

    const rotated = await api.request('PATCH', `/v1/webhooks/${endpoint.id}`, {
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { rotateSecret: true },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);

    const dispute = await api.request('POST', `/v1/invoices/${invoiceId}/disputes`, {
      token: admin,
      body: { reason: 'Goods arrived damaged — call Mrs Example on +44 20 7946 0000' },
    });
    expect(dispute.status).toBe(201);
    const [request] = receiver.received.slice(before);
    const now = api.runtime.clock.now();
    const signature = request!.headers['recoup-signature'] as string;
    expect(verifySignature(signature, request!.body, [rotated.body.secret], now).valid).toBe(true);
    expect(verifySignature(signature, request!.body, [endpoint.secret], now).valid).toBe(false);
    expect(JSON.parse(request!.body)).toMatchObject({
      type: 'dispute.opened',
      data: { disputeId: dispute.body.id, invoiceId, debtorId },
    });
    // The dispute's free text is not sent.
    expect(request!.body).not.toMatch(/damaged|Example|7946/);
  });

  it('refuses non-admins and URLs that are not https (or local http)', async () => {
    const admin = await api.token('hooks-rules', ['admin']);
    const manager = await api.token('hooks-rules', ['manager']);
    const body = { url: receiver.url, eventTypes: ['payment.received'] };
    expect((await api.request('POST', '/v1/webhooks', { token: manager, body })).status).toBe(403);
    expect((await api.request('GET', '/v1/webhooks', { token: manager })).status).toBe(403);
    for (const url of [
      'http://example.com/hook',
      'ftp://localhost/hook',
      'https://10.0.0.8/hook',
      'not a url',
    ]) {
      const refused = await api.request('POST', '/v1/webhooks', { token: admin, body: { ...body, url } });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe('url');
    }
    const unknownType = await api.request('POST', '/v1/webhooks', {
      token: admin,
      body: { ...body, eventTypes: ['payment.teleported'] },
    });
    expect(unknownType.status).toBe(400);
  });

  it('fails a delivery after about a day of retries and disables the endpoint after failures in a row', async () => {
    const failing = await startWebhookReceiver();
    try {
      const { admin, debtorId } = await tenant('hooks-down');
      const settings = await api.request('PUT', '/v1/settings', {
        token: admin,
        body: {
          timezone: 'Europe/Berlin',
          alerts: { daysBeforeDue: [3], managerEmails: ['ar-lead@hooks-down.example'] },
        },
      });
      expect(settings.status).toBe(200);
      const endpoint = await subscribe(admin, failing.url);
      failing.answers.push(...Array.from({ length: 1000 }, () => 503));
      for (let payment = 0; payment < DISABLE_AFTER_FAILED_DELIVERIES; payment++) {
        await pay(admin, debtorId, 100 + payment);
      }
      // The retries are jittered: the whole span lies between these bounds, whatever the draw.
      const schedule = RETRY_DELAYS_MS.reduce((total, delay) => total + delay, 0);
      // What docs/webhooks.md promises: the attempts spread over about a day.
      expect(schedule).toBeGreaterThan(20 * 3600_000);
      expect(schedule).toBeLessThan(26 * 3600_000);
      expect(MAX_ATTEMPTS).toBe(8);
      const shortest = schedule * (1 - JITTER);
      const longest = schedule * (1 + JITTER);
      const beforeShortest = Math.floor(shortest / 3600_000) - 1;
      await advance(`PT${beforeShortest}H`);
      expect((await deliveries(admin, endpoint.id)).every((delivery) => delivery.status === 'pending')).toBe(
        true,
      );
      await advance(`PT${Math.ceil(longest / 3600_000) + 1 - beforeShortest}H`);
      const ended = await deliveries(admin, endpoint.id);
      expect(ended).toHaveLength(DISABLE_AFTER_FAILED_DELIVERIES);
      for (const delivery of ended) {
        expect(delivery).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
        const span = Date.parse(delivery.completedAt) - Date.parse(delivery.createdAt);
        expect(span).toBeGreaterThanOrEqual(shortest - 1_000);
        expect(span).toBeLessThanOrEqual(longest + 60_000);
      }
      expect(failing.received).toHaveLength(MAX_ATTEMPTS * DISABLE_AFTER_FAILED_DELIVERIES);
      const disabled = await api.request('GET', `/v1/webhooks/${endpoint.id}`, { token: admin });
      expect(disabled.body).toMatchObject({
        status: 'disabled',
        consecutiveFailures: DISABLE_AFTER_FAILED_DELIVERIES,
      });
      const audit = await api.request('GET', `/v1/audit?entityId=${endpoint.id}`, { token: admin });
      expect(audit.body.items.map((entry: any) => [entry.action, entry.actor.sub])).toContainEqual([
        'webhook.disabled',
        'system:webhooks',
      ]);

      // The managers are told, once.
      const notices = ((await api.request('GET', '/dev/outbox')).body.items as any[]).filter(
        (message) => message.template === 'webhook_disabled' && message.tenantId === 'hooks-down',
      );
      expect(notices.map((notice) => [notice.to, notice.subject])).toEqual([
        ['ar-lead@hooks-down.example', `Webhook endpoint ${new URL(failing.url).host} disabled`],
      ]);

      // Disabled: nothing is posted; enabled again, a delivery can be retried by hand.
      await pay(admin, debtorId, 99);
      expect(failing.received).toHaveLength(MAX_ATTEMPTS * DISABLE_AFTER_FAILED_DELIVERIES);
      const enabled = await api.request('PATCH', `/v1/webhooks/${endpoint.id}`, {
        token: admin,
        body: { status: 'enabled' },
      });
      expect(enabled.body).toMatchObject({ status: 'enabled', consecutiveFailures: 0 });
      failing.answers.length = 0;
      const retried = await api.request(
        'POST',
        `/v1/webhooks/${endpoint.id}/deliveries/${ended[0].id}/retry`,
        { token: admin },
      );
      expect(retried.status).toBe(200);
      const [latest] = (await deliveries(admin, endpoint.id)).filter(
        (delivery) => delivery.id === ended[0].id,
      );
      expect(latest).toMatchObject({ status: 'succeeded', attempts: MAX_ATTEMPTS + 1 });
    } finally {
      await failing.close();
    }
  });
});

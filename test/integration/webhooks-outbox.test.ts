/**
 * Why no event is lost: it is stored in the transaction of its change, before anything relays it.
 * Here a payment is recorded through the use case itself — as a process that dies right after its
 * commit would leave it: no relay ran — and the event waits in the table for the relay (the stream
 * in AWS, the tick's sweep after five minutes). A change that fails stores no event, and relaying
 * one event twice still delivers it once.
 */
import { recordPayment } from '../../shared/app/payments/record-payment';
import {
  relayWebhookEvent,
  sweepWebhookEvents,
  RELAY_SWEEP_AFTER_MS,
} from '../../shared/app/webhooks/relay-webhook-events';
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

it('keeps the event of a committed change until it is relayed, and delivers it once however often relayed', async () => {
  const services = api.runtime.services;
  const admin = await api.token('outbox-co', ['admin'], { sub: 'outbox-admin' });
  const actor = { sub: 'outbox-admin', tenantId: 'outbox-co', roles: ['admin' as const] };
  const debtor = await api.request('POST', '/v1/debtors', { token: admin, body: sampleDebtor() });
  const subscribed = await api.request('POST', '/v1/webhooks', {
    token: admin,
    body: { url: receiver.url, eventTypes: ['payment.received'] },
  });
  expect(subscribed.status).toBe(201);

  const { payment } = await recordPayment(
    services,
    { actor },
    { debtorId: debtor.body.id, currency: 'EUR', amount: 4_200, receivedAt: '2027-05-02T10:00:00Z' },
  );
  // Committed, not relayed: the event is in the table, and nothing was posted.
  const now = services.clock.now();
  const waiting = (await services.webhooks.unrelayedEvents(now, 100)).filter(
    (event) => event.tenantId === 'outbox-co',
  );
  expect(waiting).toHaveLength(1);
  expect(waiting[0]).toMatchObject({
    type: 'payment.received',
    data: { paymentId: payment.id, amount: 4_200 },
  });
  expect(receiver.received).toHaveLength(0);

  // The tick's sweep leaves it to the stream for five minutes, then relays it at the next tick
  // (quarter hours: 08:15 here).
  expect(await sweepWebhookEvents(services)).toBe(0);
  expect(RELAY_SWEEP_AFTER_MS).toBe(5 * 60_000);
  await api.runtime.clock.moveTo(new Date('2027-05-03T08:14:00Z'));
  expect(receiver.received).toHaveLength(0);
  await api.runtime.clock.moveTo(new Date('2027-05-03T08:16:00Z'));
  expect(receiver.received).toHaveLength(1);
  expect((await services.webhooks.unrelayedEvents(services.clock.now(), 100)).length).toBe(0);

  // A second relay of the same event (the stream and the sweep both) posts nothing more.
  await relayWebhookEvent(services, waiting[0]!);
  expect(receiver.received).toHaveLength(1);
  expect(JSON.parse(receiver.received[0]!.body).id).toBe(waiting[0]!.id);
});

it('stores no event for a change that did not commit: a retried payment is heard of once', async () => {
  const admin = await api.token('outbox-retry', ['admin']);
  const debtor = await api.request('POST', '/v1/debtors', { token: admin, body: sampleDebtor() });
  await api.request('POST', '/v1/webhooks', {
    token: admin,
    body: { url: receiver.url, eventTypes: ['payment.received'] },
  });
  const before = receiver.received.length;
  const pay = () =>
    api.request('POST', '/v1/payments', {
      token: admin,
      headers: { 'idempotency-key': 'pay-once-7731' },
      body: { debtorId: debtor.body.id, currency: 'EUR', amount: 777, receivedAt: '2027-05-02T10:00:00Z' },
    });
  const [first, second] = await Promise.all([pay(), pay()]);
  expect(first.status).toBe(201);
  expect(second.status).toBe(201);
  expect(second.body.id).toBe(first.body.id);
  const arrived = receiver.received.slice(before).map((request) => JSON.parse(request.body));
  expect(arrived.map((event) => event.data.paymentId)).toEqual([first.body.id]);
});

/**
 * The sender's claims against DynamoDB Local, with channel senders that misbehave on purpose:
 * refused (throttled), silent (a timeout), dead (an invalid address) and slow (two receipts at once).
 */
import type { OutboundMessage } from '../../shared/domain/cases/outbound-message';
import { CLAIM_HOLDS_MS, type Deliverable } from '../../shared/domain/messaging/delivery';
import { DeliveryPendingError, deliverMessage } from '../../shared/app/messaging/deliver-message';
import {
  ProviderRefusedError,
  UndeliverableMessageError,
  type ChannelSender,
  type ChannelSenders,
} from '../../shared/ports/channel-sender';
import type { DeliveryRef } from '../../shared/ports/delivery-log';
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let counter = 0;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-01-04T09:00:00Z'));
});
afterAll(() => api.stop());

async function queued(channel: OutboundMessage['channel'] = 'email', to?: string): Promise<DeliveryRef> {
  counter += 1;
  const message: OutboundMessage = {
    id: `msg_unit_${counter}`,
    tenantId: 'sender-co',
    debtorId: `dbt_${counter}`,
    channel,
    to: to ?? (channel === 'email' ? `debtor${counter}@example.com` : '+4930123456'),
    template: 'reminder',
    body: 'Please pay.',
    obligations: [],
    status: 'queued',
    createdAt: api.runtime.clock.now().toISOString(),
  };
  await api.runtime.services.contacts.save({ message }, { audit: [] });
  return { kind: 'message', tenantId: message.tenantId, debtorId: message.debtorId, id: message.id };
}

function withSender(send: ChannelSender['send']) {
  const sender: ChannelSender = { send };
  const senders: ChannelSenders = { email: sender, sms: sender, voice: sender, letter: sender };
  return { ...api.runtime.services, senders };
}

const stateOf = async (ref: DeliveryRef) => (await api.runtime.services.deliveryLog.read(ref))!;

it('a provider that refuses (throttling) gets the message again at the next receipt', async () => {
  const ref = await queued();
  let calls = 0;
  const services = withSender(async () => {
    calls += 1;
    if (calls === 1) throw new ProviderRefusedError('TooManyRequestsException: slow down');
    return { providerMessageId: 'ses-2' };
  });
  await expect(deliverMessage(services, ref)).rejects.toBeInstanceOf(ProviderRefusedError);
  expect(await stateOf(ref)).toMatchObject({ status: 'dispatched', attempts: 1 });
  await expect(deliverMessage(services, ref)).resolves.toBe('sent');
  expect(await stateOf(ref)).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: 'ses-2' });
  expect(calls).toBe(2);
});

it('a provider that does not answer keeps the claim: no second send until it lapses', async () => {
  const ref = await queued();
  const sent: Deliverable[] = [];
  let silent = true;
  const services = withSender(async (message) => {
    sent.push(message);
    if (silent) throw new Error('socket hang up');
    return { providerMessageId: 'ses-3' };
  });
  await expect(deliverMessage(services, ref)).rejects.toThrow('socket hang up');
  expect(await stateOf(ref)).toMatchObject({ status: 'sending' });
  await expect(deliverMessage(services, ref)).rejects.toBeInstanceOf(DeliveryPendingError);
  expect(sent).toHaveLength(1);
  silent = false;
  await api.runtime.clock.moveTo(new Date(api.runtime.clock.now().getTime() + CLAIM_HOLDS_MS));
  await expect(deliverMessage(services, ref)).resolves.toBe('sent');
  expect(sent).toHaveLength(2);
});

it('an address the provider refuses for good fails the message and suppresses the address', async () => {
  const ref = await queued('email');
  const services = withSender(async () => {
    throw new UndeliverableMessageError('BadRequestException: Missing final @domain');
  });
  await expect(deliverMessage(services, ref)).resolves.toBe('undeliverable');
  expect(await stateOf(ref)).toMatchObject({
    status: 'failed',
    failure: 'BadRequestException: Missing final @domain',
  });
  if (ref.kind !== 'message') throw new Error('a debtor message');
  const { profile } = await api.runtime.services.contacts.recent(ref.tenantId, ref.debtorId, new Date(0));
  expect(profile.suppressed?.email).toMatchObject({ reason: 'failed' });
  // And it is never tried again.
  await expect(deliverMessage(services, ref)).resolves.toBe('already_settled');
});

it('two receipts of one message at once send it once', async () => {
  const ref = await queued();
  let calls = 0;
  const services = withSender(async () => {
    calls += 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { providerMessageId: `ses-${calls}` };
  });
  const outcomes = await Promise.allSettled([deliverMessage(services, ref), deliverMessage(services, ref)]);
  expect(calls).toBe(1);
  expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
  expect(rejected.reason).toBeInstanceOf(DeliveryPendingError);
  await expect(deliverMessage(services, ref)).resolves.toBe('already_settled');
});

it('the real adapters map the services’ refusals: a malformed number is permanent', async () => {
  // The SMS stand-in answers ValidationException for a number that is not E.164, as the service does.
  const bad = await queued('sms', '030 123');
  await expect(deliverMessage(api.runtime.services, bad)).resolves.toBe('undeliverable');
  expect(await stateOf(bad)).toMatchObject({
    status: 'failed',
    failure: expect.stringContaining('ValidationException'),
  });
  const good = await queued('sms');
  await expect(deliverMessage(api.runtime.services, good)).resolves.toBe('sent');
});

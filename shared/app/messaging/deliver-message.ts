/**
 * The sender's work on one queue entry: read the stored message, claim it, hand it to its
 * channel's provider, record the provider's id. Any number of receipts of one entry — SQS
 * redelivery, a sender killed mid-batch, the outbox sweep handing it on again — send it once
 * (see shared/domain/messaging/delivery.ts for why).
 */
import {
  afterDeliveryEvent,
  claimed,
  released,
  sendDecision,
  type DeliveryState,
} from '../../domain/messaging/delivery';
import { ProviderRefusedError, UndeliverableMessageError } from '../../ports/channel-sender';
import type { DeliveryRef } from '../../ports/delivery-log';
import type { Services } from '../../runtime/services';
import { recordDeliveryReport, type ReportServices } from './record-delivery-report';

export type DeliveryServices = ReportServices & Pick<Services, 'senders'>;

export type DeliveryOutcome = 'sent' | 'already_settled' | 'undeliverable' | 'missing';

/** Not now: another sender holds the message, or the provider may yet report it. Retried by the queue. */
export class DeliveryPendingError extends Error {
  constructor(readonly retryAfter: Date) {
    super(`Delivery pending until ${retryAfter.toISOString()}`);
    this.name = 'DeliveryPendingError';
  }
}

export async function deliverMessage(services: DeliveryServices, ref: DeliveryRef): Promise<DeliveryOutcome> {
  const record = await services.deliveryLog.read(ref);
  if (!record) return 'missing';
  const now = services.clock.now();
  const decision = sendDecision(record, now);
  if (decision.kind === 'done') return 'already_settled';
  if (decision.kind === 'wait') throw new DeliveryPendingError(decision.until);
  const claim = claimed(record, now);
  if (!(await services.deliveryLog.transition(ref, record, claim))) {
    throw new DeliveryPendingError(now); // another receipt moved it on: the retry sees where it is
  }
  if (ref.kind === 'message' && (record.channel === 'sms' || record.channel === 'voice') && record.to) {
    // Before the text goes: a STOP can come back within seconds.
    await services.deliveryLog.rememberTextRecipient(record.to, {
      tenantId: ref.tenantId,
      debtorId: ref.debtorId,
    });
  }
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await services.senders[record.channel].send({ ...record, ...claim }, ref));
  } catch (error) {
    if (error instanceof UndeliverableMessageError) {
      await recordDeliveryReport(services, ref, {
        kind: 'failed',
        at: services.clock.now(),
        detail: error.reason,
        permanent: true,
      });
      return 'undeliverable';
    }
    // Refused for now: certainly not sent, so the claim goes back. Anything else (a timeout) may
    // have reached the provider: the claim stands until the provider's report or its expiry.
    if (error instanceof ProviderRefusedError)
      await services.deliveryLog.transition(ref, claim, released(claim));
    throw error;
  }
  const sent = afterDeliveryEvent(claim, { kind: 'sent', at: services.clock.now(), providerMessageId });
  // False when the provider's own report got there first: the message is at `sent` or beyond.
  await services.deliveryLog.transition(ref, claim, sent as DeliveryState);
  return 'sent';
}

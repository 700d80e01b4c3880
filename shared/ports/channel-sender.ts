import type { Deliverable, DeliveryChannel } from '../domain/messaging/delivery';
import type { DeliveryRef } from './delivery-log';

/** Hands one message to its channel's provider (SES, SMS, voice, the print-and-mail drop). */
export interface ChannelSender {
  /** Resolves once the provider accepted the message, with the provider's id for it. */
  send(message: Deliverable, ref: DeliveryRef): Promise<{ providerMessageId: string }>;
}

export type ChannelSenders = Record<DeliveryChannel, ChannelSender>;

/** The provider refused this message for good (suppressed address, invalid number): no retry can help. */
export class UndeliverableMessageError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UndeliverableMessageError';
  }
}

/**
 * The provider answered and did not take the message (throttled, temporarily failing): it was
 * certainly not sent, so the claim is given back for a prompt retry. A timeout is not this: the
 * provider may have taken the message, and only its report can tell.
 */
export class ProviderRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ProviderRefusedError';
  }
}

import type { OutboundMessage } from '../domain/cases/outbound-message';

/** Delivers a queued message through its channel (SES, SMS, print) or the local outbox. */
export interface MessageDelivery {
  deliver(message: OutboundMessage): Promise<void>;
}

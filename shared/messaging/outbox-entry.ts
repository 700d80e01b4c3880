/**
 * What the outbox queue carries: only the stored message's key. The sender reads the message
 * itself, so no personal data sits in the queue, and a stale entry cannot send outdated text.
 */
import type { DeliveryRef } from '../ports/delivery-log';
import { deliveryRefSchema } from '../adapters/delivery-ref-tag';
import { parseQueueMessage } from '../runtime/queue-message';

export function outboxEntry(ref: DeliveryRef): string {
  return JSON.stringify(ref);
}

export function parseOutboxEntry(body: string): DeliveryRef | undefined {
  return parseQueueMessage(deliveryRefSchema, body);
}

import type { WebhookDelivery } from '../domain/webhooks/webhook-delivery';
import type { WebhookEndpoint } from '../domain/webhooks/webhook-endpoint';
import type { WebhookEvent } from '../domain/webhooks/webhook-event';
import type { Page, PageRequest } from './page';
import type { WriteContext } from './write-context';

/** Webhook endpoints, the events waiting to be fanned out to them, and each endpoint's deliveries. */
export interface WebhookStore {
  endpoints(tenantId: string): Promise<WebhookEndpoint[]>;
  endpoint(tenantId: string, webhookId: string): Promise<WebhookEndpoint | undefined>;
  createEndpoint(endpoint: WebhookEndpoint, context: WriteContext): Promise<void>;
  /** Saves `after` on condition of `before.version` (ConflictError otherwise). */
  saveEndpoint(before: WebhookEndpoint, after: WebhookEndpoint, context: WriteContext): Promise<void>;
  removeEndpoint(endpoint: WebhookEndpoint, context: WriteContext): Promise<void>;
  /**
   * Counts a delivery's final outcome on its endpoint: a success resets the failures in a row, a
   * failure adds one. Returns the endpoint as it is now (undefined once removed).
   */
  countOutcome(tenantId: string, webhookId: string, succeeded: boolean): Promise<WebhookEndpoint | undefined>;

  event(tenantId: string, eventId: string): Promise<WebhookEvent | undefined>;
  /** Events not fanned out yet that occurred before `before`, oldest first (the relay's sweep). */
  unrelayedEvents(before: Date, limit: number): Promise<WebhookEvent[]>;
  /** The event leaves the sparse index of unrelayed events (no-op when it left already). */
  markRelayed(event: WebhookEvent, at: Date): Promise<void>;

  /** Stores a new delivery; false when it exists (the event was fanned out to this endpoint before). */
  createDelivery(delivery: WebhookDelivery): Promise<boolean>;
  delivery(tenantId: string, webhookId: string, deliveryId: string): Promise<WebhookDelivery | undefined>;
  /** Writes `next` only if the delivery is still at `current.revision`; false when it moved on. */
  transitionDelivery(current: WebhookDelivery, next: WebhookDelivery): Promise<boolean>;
  /** A change a person made to a delivery (a manual retry), with its audit; ConflictError if it moved on. */
  changeDelivery(current: WebhookDelivery, next: WebhookDelivery, context: WriteContext): Promise<void>;
  /** An endpoint's deliveries, newest first. */
  deliveries(tenantId: string, webhookId: string, page: PageRequest): Promise<Page<WebhookDelivery>>;
}

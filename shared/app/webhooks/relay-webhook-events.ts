/**
 * The webhook relay: an event stored with its change (the outbox) is fanned out to every endpoint of
 * its tenant that subscribes to its type — one delivery each, stored, then queued — and leaves the
 * index of unrelayed events. In AWS the table's stream hands each new event to the relay within
 * seconds; the schedule tick sweeps whatever is still unrelayed after a few minutes (a relay that
 * died, a stream batch that failed for good); locally the runtime sweeps after every request.
 * Relaying twice is harmless: a delivery's id follows from its event and it is stored only once,
 * and a second queue entry for it finds it claimed or done.
 */
import type { WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import { subscribes } from '../../domain/webhooks/webhook-endpoint';
import { webhookBody, type WebhookEvent } from '../../domain/webhooks/webhook-event';
import type { Services } from '../../runtime/services';

type RelayServices = Pick<Services, 'clock' | 'webhooks' | 'webhookQueue'>;

/** How long the stream has to relay an event before the sweep does it instead. */
export const RELAY_SWEEP_AFTER_MS = 5 * 60_000;
const BATCH = 100;

export function deliveryIdOf(event: Pick<WebhookEvent, 'id'>): string {
  return `whd_${event.id.replace(/^evt_/, '')}`;
}

export async function relayWebhookEvent(services: RelayServices, event: WebhookEvent): Promise<number> {
  const endpoints = (await services.webhooks.endpoints(event.tenantId)).filter((endpoint) =>
    subscribes(endpoint, event.type),
  );
  const now = services.clock.now().toISOString();
  for (const endpoint of endpoints) {
    const delivery: WebhookDelivery = {
      id: deliveryIdOf(event),
      tenantId: event.tenantId,
      webhookId: endpoint.id,
      eventId: event.id,
      eventType: event.type,
      body: webhookBody(event),
      status: 'pending',
      attempts: 0,
      log: [],
      createdAt: now,
      revision: 1,
    };
    await services.webhooks.createDelivery(delivery);
    // Queued even when it existed: the relay that stored it may have died before queueing it.
    await services.webhookQueue.enqueue({
      tenantId: event.tenantId,
      webhookId: endpoint.id,
      deliveryId: delivery.id,
    });
  }
  await services.webhooks.markRelayed(event, services.clock.now());
  return endpoints.length;
}

/** Relays every event still unrelayed that occurred more than `olderThanMs` ago. */
export async function sweepWebhookEvents(
  services: RelayServices,
  olderThanMs: number = RELAY_SWEEP_AFTER_MS,
) {
  const before = new Date(services.clock.now().getTime() - olderThanMs);
  let relayed = 0;
  for (;;) {
    const events = await services.webhooks.unrelayedEvents(before, BATCH);
    for (const event of events) await relayWebhookEvent(services, event);
    relayed += events.length;
    if (events.length < BATCH) return relayed;
  }
}

/** An endpoint's delivery log, and a person asking for one more attempt of a delivery. */
import { ConflictError, NotFoundError } from '../../domain/errors';
import { manualRetry, type WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import type { PageRequest } from '../../ports/page';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';
import { findWebhook } from './webhook-endpoints';

/** What the log shows of a delivery: its state and attempts, not the body it posts. */
export function deliveryView(delivery: WebhookDelivery) {
  const {
    tenantId: _tenantId,
    body: _body,
    revision: _revision,
    claimedAt: _claimedAt,
    manual: _manual,
    ...view
  } = delivery;
  const last = delivery.log.at(-1);
  return {
    ...view,
    lastResponseStatus: last?.responseStatus ?? null,
    lastLatencyMs: last?.latencyMs ?? null,
  };
}

export async function listWebhookDeliveries(
  services: Pick<Services, 'webhooks'>,
  context: UseCaseContext,
  webhookId: string,
  page: PageRequest,
) {
  await findWebhook(services, context.actor.tenantId, webhookId);
  const found = await services.webhooks.deliveries(context.actor.tenantId, webhookId, page);
  return { items: found.items.map(deliveryView), nextCursor: found.nextCursor };
}

export async function retryWebhookDelivery(
  services: Pick<Services, 'clock' | 'ids' | 'webhooks' | 'webhookQueue'>,
  context: UseCaseContext,
  webhookId: string,
  deliveryId: string,
) {
  const tenantId = context.actor.tenantId;
  const endpoint = await findWebhook(services, tenantId, webhookId);
  if (endpoint.status !== 'enabled') throw new ConflictError('The webhook is disabled: enable it first');
  const delivery = await services.webhooks.delivery(tenantId, webhookId, deliveryId);
  if (!delivery) throw new NotFoundError('Delivery');
  if (delivery.status === 'sending') throw new ConflictError('An attempt of this delivery is in flight');
  const now = services.clock.now();
  const next = manualRetry(delivery, now);
  await services.webhooks.changeDelivery(delivery, next, {
    audit: [
      auditor(services.ids, context.actor, now)(
        'webhook_delivery',
        deliveryId,
        'webhook_delivery.retried',
        { webhookId, status: delivery.status, attempts: delivery.attempts },
        { webhookId, status: next.status, attempts: next.attempts },
      ),
    ],
  });
  // After the commit: if this process dies first, the person's retry answered 500 and is asked again.
  await services.webhookQueue.enqueue({ tenantId, webhookId, deliveryId });
  return deliveryView(next);
}

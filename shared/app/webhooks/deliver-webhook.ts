/**
 * The sender's work on one webhook queue entry: read the delivery, claim it, post the signed body to
 * its endpoint, log the attempt, and either finish or say when to try again. The queue entry stays
 * with the delivery until it is done (the handler postpones it to the next attempt), so one entry
 * carries all of a delivery's retries; a second entry for the same delivery finds it claimed or
 * done.
 */
import {
  afterAttempt,
  attemptDecision,
  claimedDelivery,
  type WebhookDelivery,
} from '../../domain/webhooks/webhook-delivery';
import {
  DISABLE_AFTER_FAILED_DELIVERIES,
  endpointView,
  type WebhookEndpoint,
} from '../../domain/webhooks/webhook-endpoint';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from '../../domain/webhooks/webhook-signature';
import type { WebhookDeliveryRef } from '../../ports/webhook-queue';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { webhookActor } from '../cases/system-actor';
import { sendNotifications } from '../notifications/send-notifications';
import { DEFAULT_ALERTS } from '../../domain/settings/tenant-settings';
import { endpointDisabledNotices } from '../../domain/webhooks/endpoint-disabled-notice';

export type WebhookSenderServices = Pick<
  Services,
  'clock' | 'ids' | 'webhooks' | 'webhookTransport' | 'settings' | 'notifications' | 'messages'
>;

/** A receiver has this long to answer; a slow one is a failed attempt, retried later. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookOutcome =
  | { kind: 'done'; status: WebhookDelivery['status'] | 'missing' }
  /** Try again no earlier than `at` (a retry's time, or another sender's claim running out). */
  | { kind: 'later'; at: Date };

export async function deliverWebhook(
  services: WebhookSenderServices,
  ref: WebhookDeliveryRef,
  random: () => number = Math.random,
): Promise<WebhookOutcome> {
  const delivery = await services.webhooks.delivery(ref.tenantId, ref.webhookId, ref.deliveryId);
  if (!delivery) return { kind: 'done', status: 'missing' };
  const now = services.clock.now();
  const decision = attemptDecision(delivery, now);
  if (decision.kind === 'done') return { kind: 'done', status: delivery.status };
  if (decision.kind === 'wait') return { kind: 'later', at: decision.until };

  const endpoint = await services.webhooks.endpoint(ref.tenantId, ref.webhookId);
  if (!endpoint || endpoint.status === 'disabled') {
    // Nowhere to post: the delivery ends, logged, and can be retried by hand once enabled again.
    const ended: WebhookDelivery = {
      ...delivery,
      status: 'failed',
      completedAt: now.toISOString(),
      log: [
        ...delivery.log,
        { at: now.toISOString(), latencyMs: 0, error: endpoint ? 'endpoint disabled' : 'endpoint deleted' },
      ],
      revision: delivery.revision + 1,
    };
    await services.webhooks.transitionDelivery(delivery, ended);
    return { kind: 'done', status: 'failed' };
  }

  const claim = claimedDelivery(delivery, now);
  if (!(await services.webhooks.transitionDelivery(delivery, claim))) {
    // Another receipt moved it on: look again shortly.
    return { kind: 'later', at: new Date(now.getTime() + 1000) };
  }
  const response = await services.webhookTransport.post({
    url: endpoint.url,
    body: delivery.body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Recoup-Webhooks/1',
      [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, services.clock.now(), delivery.body),
      [EVENT_ID_HEADER]: delivery.eventId,
    },
    timeoutMs: WEBHOOK_TIMEOUT_MS,
  });
  const next = afterAttempt(
    claim,
    {
      at: services.clock.now(),
      latencyMs: response.latencyMs,
      ...(response.status !== undefined ? { responseStatus: response.status } : {}),
      ...(response.error ? { error: response.error } : {}),
    },
    random(),
  );
  if (!(await services.webhooks.transitionDelivery(claim, next))) {
    // Our claim was taken over (we outlived it): the other sender's record stands.
    return { kind: 'done', status: claim.status };
  }
  if (next.status === 'pending') return { kind: 'later', at: new Date(next.nextAttemptAt!) };
  await countOutcome(services, endpoint, next);
  return { kind: 'done', status: next.status };
}

/** A delivery that ended counts on its endpoint; enough failures in a row disable it. */
async function countOutcome(
  services: WebhookSenderServices,
  endpoint: WebhookEndpoint,
  delivery: WebhookDelivery,
) {
  const counted = await services.webhooks.countOutcome(
    endpoint.tenantId,
    endpoint.id,
    delivery.status === 'succeeded',
  );
  if (
    !counted ||
    counted.status !== 'enabled' ||
    counted.consecutiveFailures < DISABLE_AFTER_FAILED_DELIVERIES
  )
    return;
  const now = services.clock.now();
  const disabled: WebhookEndpoint = {
    ...counted,
    status: 'disabled',
    disabledReason: `${counted.consecutiveFailures} deliveries in a row failed after every retry`,
    updatedAt: now.toISOString(),
    version: counted.version + 1,
  };
  try {
    await services.webhooks.saveEndpoint(counted, disabled, {
      audit: [
        auditor(services.ids, webhookActor(endpoint.tenantId), now)(
          'webhook',
          endpoint.id,
          'webhook.disabled',
          endpointView(counted),
          endpointView(disabled),
        ),
      ],
    });
  } catch {
    // Someone changed it meanwhile (re-enabled, edited, removed): their change stands.
    return;
  }
  const settings = await services.settings.get(endpoint.tenantId);
  const managers = (settings.alerts ?? DEFAULT_ALERTS).managerEmails;
  await sendNotifications(
    services,
    endpoint.tenantId,
    endpointDisabledNotices(disabled, managers, disabled.updatedAt),
  );
}

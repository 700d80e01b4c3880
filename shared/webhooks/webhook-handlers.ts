/**
 * Lambda wrappers of the webhook pipeline: the relay (fed by the table's stream, one new event at a
 * time, reporting the records that failed so the stream retries only those) and the sender (fed by
 * the webhook queue, partial batch failures; an entry whose delivery must wait is postponed to its
 * next attempt rather than deleted). Powertools as everywhere.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import '../zod'; // zod/mini's English messages, before any of these schemas parses
import { deliverWebhook, type WebhookSenderServices } from '../app/webhooks/deliver-webhook';
import { relayWebhookEvent } from '../app/webhooks/relay-webhook-events';
import { lambdaHandler } from '../observability/lambda-handler';
import { forEachConcurrently } from '../runtime/for-each-concurrently';
import { logger, metrics } from '../observability/powertools';
import type { WebhookDeliveryRef } from '../ports/webhook-queue';
import { parseQueueMessage } from '../runtime/queue-message';
import type { Services } from '../runtime/services';

/** Deliveries of one batch in flight at once: each mostly waits for its receiver. */
const CONCURRENCY = 5;

const deliveryRefSchema = z.strictObject({
  tenantId: z.string().check(z.minLength(1)),
  webhookId: z.string().check(z.minLength(1)),
  deliveryId: z.string().check(z.minLength(1)),
});

export function parseWebhookEntry(body: string): WebhookDeliveryRef | undefined {
  return parseQueueMessage(deliveryRefSchema, body);
}

export function webhookSenderHandler(services: () => WebhookSenderServices & Pick<Services, 'webhookQueue'>) {
  return lambdaHandler<SQSEvent, SQSBatchResponse>(async (event) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    await forEachConcurrently(event.Records, CONCURRENCY, async (record) => {
      const ref = parseWebhookEntry(record.body);
      if (!ref) {
        // Can never succeed: logged and let go rather than retried into the dead-letter queue.
        logger.error('Malformed webhook queue entry', { messageId: record.messageId });
        return;
      }
      try {
        const outcome = await deliverWebhook(services(), ref);
        if (outcome.kind === 'done') {
          metrics.addMetric(`Webhooks_${outcome.status}`, 'Count', 1);
          return;
        }
        // At least a second: an instant already past would hand the entry straight back.
        const wait = Math.max(1000, outcome.at.getTime() - services().clock.now().getTime());
        await services().webhookQueue.postpone(record.receiptHandle, wait);
        failures.push({ itemIdentifier: record.messageId });
        metrics.addMetric('WebhooksPostponed', 'Count', 1);
      } catch (error) {
        failures.push({ itemIdentifier: record.messageId });
        metrics.addMetric('WebhookSenderErrors', 'Count', 1);
        logger.error('Webhook delivery failed', { delivery: ref.deliveryId, error: error as Error });
      }
    });
    return { batchItemFailures: failures };
  });
}

export function webhookRelayHandler(services: () => Pick<Services, 'clock' | 'webhooks' | 'webhookQueue'>) {
  return lambdaHandler<DynamoDBStreamEvent, DynamoDBBatchResponse>(async (event) => {
    const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      const tenantId = image?.tenantId?.S;
      const eventId = image?.id?.S;
      if (record.eventName !== 'INSERT' || image?.entity?.S !== 'WebhookEvent' || !tenantId || !eventId)
        continue;
      try {
        // Read back rather than decoded from the image: the store's reading is the one the sweep uses.
        const stored = await services().webhooks.event(tenantId, eventId);
        if (!stored) continue;
        const endpoints = await relayWebhookEvent(services(), stored);
        metrics.addMetric('WebhookEventsRelayed', 'Count', 1);
        metrics.addMetric('WebhookDeliveriesQueued', 'Count', endpoints);
      } catch (error) {
        // From this record on, the stream retries (records of a shard stay in order).
        failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
        logger.error('Webhook relay failed', { event: eventId, error: error as Error });
        break;
      }
    }
    return { batchItemFailures: failures };
  });
}

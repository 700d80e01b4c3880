/**
 * The webhook pipeline on one machine: the local queue (SQS semantics, visibility changes included,
 * on the local clock) feeds the deployed sender handler, which posts for real over HTTP. What the
 * table's stream does in AWS — relay each new event — the runtime does after every request and
 * every timer has settled, with the same relay code the tick's sweep runs.
 */
import type { SQSBatchResponse } from 'aws-lambda';
import { sweepWebhookEvents } from '../../shared/app/webhooks/relay-webhook-events';
import type { Services } from '../../shared/runtime/services';
import type { Clock } from '../../shared/ports/clock';
import type { WebhookDeliveryRef, WebhookQueue } from '../../shared/ports/webhook-queue';
import {
  WEBHOOK_QUEUE_MAX_RECEIVES,
  WEBHOOK_QUEUE_VISIBILITY_TIMEOUT_MS,
} from '../../shared/webhooks/webhook-queue-settings';
import { LocalQueue } from '../outbox/local-queue';
import { lambdaContext } from '../server/api-gateway-event';

export class LocalWebhookQueue implements WebhookQueue {
  readonly queue: LocalQueue;

  constructor(clock: Clock, file?: string) {
    this.queue = new LocalQueue(clock, {
      visibilityTimeoutMs: WEBHOOK_QUEUE_VISIBILITY_TIMEOUT_MS,
      maxReceives: WEBHOOK_QUEUE_MAX_RECEIVES,
      ...(file ? { file } : {}),
    });
  }

  /** The deployed sender handler, loaded once the services it uses are in place. */
  connect(): void {
    const sender = import('../../functions/webhooks/send-webhooks');
    this.queue.consumeWith(
      async (event) =>
        (await (await sender).handler(event, lambdaContext('send-webhooks'))) as SQSBatchResponse,
    );
  }

  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  /**
   * Relays every new event, as the stream would. Concurrent requests share sweeps rather than each
   * running its own over the same events: a caller waits for a sweep that starts after it came, so
   * its own change's events are in it.
   */
  relay(services: Pick<Services, 'clock' | 'webhooks' | 'webhookQueue'>): Promise<void> {
    const sweep = () => {
      this.running = sweepWebhookEvents(services, 0)
        .then(() => undefined)
        .finally(() => {
          this.running = undefined;
        });
      return this.running;
    };
    if (!this.running) return sweep();
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return sweep();
      });
    return this.next;
  }

  enqueue(ref: WebhookDeliveryRef): Promise<void> {
    return this.queue.send(JSON.stringify(ref));
  }

  async postpone(receiptHandle: string, delayMs: number): Promise<void> {
    this.queue.changeVisibility(receiptHandle, delayMs);
  }
}

/**
 * Outbound webhooks, in a nested stack:
 * - RelayWebhookEvents reads the table's stream, filtered to new webhook events (stored in the
 *   transaction of their change), and fans each out to the subscribed endpoints' deliveries on the
 *   webhook queue; a batch that keeps failing ends in the dead-letter queue (and the tick's sweep
 *   relays its events anyway);
 * - SendWebhooks consumes the webhook queue (partial batch failures) and posts each delivery,
 *   signed, to its endpoint over the internet; when it disables a failing endpoint it tells the
 *   tenant's managers through the outbox.
 */
import { Duration, NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../stage';
import { ApiFunction } from './api-function';
import type { DataTable } from './data-table';
import type { Observability } from './observability';

export interface WebhooksStackProps extends NestedStackProps {
  stage: StageConfig;
  data: DataTable;
  observability: Observability;
  queue: Queue;
  deadLetters: Queue;
  /** Where the sender queues the managers' notice of an endpoint it disabled. */
  outbox: Queue;
}

export class WebhooksStack extends NestedStack {
  readonly relay: ApiFunction;
  readonly sender: ApiFunction;

  constructor(scope: Construct, id: string, props: WebhooksStackProps) {
    const { stage, data, observability, queue, deadLetters, outbox, ...nestedStackProps } = props;
    super(scope, id, { description: `Recoup ${stage.stage}: outbound webhooks`, ...nestedStackProps });

    this.relay = new ApiFunction(this, 'RelayWebhookEvents', {
      entry: 'functions/webhooks/relay-webhook-events.ts',
      description: 'Webhooks: fan each new event out to the endpoints that subscribe to it',
      stage,
      observability,
      data,
      dataAccess: 'readWrite',
      timeout: Duration.seconds(30),
      environment: { WEBHOOK_QUEUE_URL: queue.queueUrl },
    });
    queue.grantSendMessages(this.relay.function);
    this.relay.function.addEventSource(
      new DynamoEventSource(data.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 25,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(deadLetters),
        // Only new webhook events wake the relay: every other write to the table passes it by.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('WebhookEvent') } } },
          }),
        ],
      }),
    );

    this.sender = new ApiFunction(this, 'SendWebhooks', {
      entry: 'functions/webhooks/send-webhooks.ts',
      description: 'Webhooks: post each delivery, signed, to its endpoint; retry with backoff',
      stage,
      observability,
      data,
      dataAccess: 'readWrite',
      // Batches of up to 10 at 5 at a time, each post at most 10 s: well inside a minute, and
      // inside the two minutes a delivery's claim holds (WEBHOOK_CLAIM_HOLDS_MS).
      timeout: Duration.seconds(60),
      environment: { WEBHOOK_QUEUE_URL: queue.queueUrl, OUTBOX_QUEUE_URL: outbox.queueUrl },
    });
    outbox.grantSendMessages(this.sender.function);
    // Receiving grants ChangeMessageVisibility too: how an entry waits for its next attempt.
    this.sender.function.addEventSource(
      new SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 5 }),
    );
  }
}

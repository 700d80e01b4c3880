/**
 * The webhook delivery queue: the relay queues one entry per delivery, SendWebhooks consumes them
 * and keeps an entry out of sight until its delivery's next attempt (so one entry carries all the
 * retries of about a day). Encrypted, TLS only, with a dead-letter queue whose depth raises an alarm.
 */
import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  WEBHOOK_QUEUE_MAX_RECEIVES,
  WEBHOOK_QUEUE_VISIBILITY_TIMEOUT_MS,
} from '../../shared/webhooks/webhook-queue-settings';
import type { StageConfig } from '../stage';
import { deadLetterAlarm } from './dead-letter-alarm';
import type { Observability } from './observability';
import { deadLetterQueue } from './worker-queue';

export class WebhookQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; observability: Observability }) {
    super(scope, id);
    this.deadLetters = deadLetterQueue(this, 'DeadLetters', props.stage);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.millis(WEBHOOK_QUEUE_VISIBILITY_TIMEOUT_MS),
      // A delivery's retries span about a day; its entry must outlive them.
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: WEBHOOK_QUEUE_MAX_RECEIVES },
      removalPolicy: props.stage.removalPolicy,
    });
    props.observability.watch(
      deadLetterAlarm(
        this,
        'DeadLettersAlarm',
        this.deadLetters,
        'Webhook deliveries or events could not be handled (webhook dead-letter queue)',
      ),
    );
  }
}

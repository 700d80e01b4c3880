/**
 * The outbox queue: ReviewCase and the schedules hand each queued message's key to it once the
 * message is stored; SendMessages consumes it (messaging-stack.ts). Encrypted, TLS only, with a dead-letter queue
 * whose depth raises an alarm, so a message that cannot be delivered is kept and seen.
 */
import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage';
import { deadLetterAlarm } from './dead-letter-alarm';
import type { Observability } from './observability';
import { deadLetterQueue } from './worker-queue';

export class OutboxQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; observability: Observability }) {
    super(scope, id);
    this.deadLetters = deadLetterQueue(this, 'DeadLetters', props.stage);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.minutes(2),
      retentionPeriod: Duration.days(4),
      // Receipts of a message another sender holds come back until the claim expires (5 minutes).
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 10 },
      removalPolicy: props.stage.removalPolicy,
    });
    const alarm = deadLetterAlarm(
      this,
      'DeadLettersAlarm',
      this.deadLetters,
      'Outbound messages could not be delivered after 10 attempts (outbox dead-letter queue)',
    );
    props.observability.watch(alarm);
  }
}

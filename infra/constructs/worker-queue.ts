/**
 * A queue that hands work to one worker function, with the dead-letter queue its messages end in
 * after `maxReceiveCount` failed runs, and the alarm on that. The ids are the caller's, so each
 * stack keeps its resources' names.
 */
import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../stage';
import { deadLetterAlarm } from './dead-letter-alarm';
import type { Observability } from './observability';

/** A dead-letter queue: encrypted, TLS only, messages kept 14 days for a look and a redrive. */
export function deadLetterQueue(scope: Construct, id: string, stage: StageConfig): Queue {
  return new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: stage.removalPolicy,
  });
}

export interface WorkerQueueProps {
  stage: StageConfig;
  observability: Observability;
  ids: { queue: string; deadLetters: string; alarm: string };
  /** The worker's timeout: a message stays invisible a minute longer, so no second worker takes it. */
  workerTimeout: Duration;
  maxReceiveCount: number;
  alarmDescription: string;
}

export function workerQueue(scope: Construct, props: WorkerQueueProps): { queue: Queue; deadLetters: Queue } {
  const { stage, observability, ids } = props;
  const deadLetters = deadLetterQueue(scope, ids.deadLetters, stage);
  const queue = new Queue(scope, ids.queue, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    visibilityTimeout: props.workerTimeout.plus(Duration.minutes(1)),
    retentionPeriod: Duration.days(4),
    deadLetterQueue: { queue: deadLetters, maxReceiveCount: props.maxReceiveCount },
    removalPolicy: stage.removalPolicy,
  });
  observability.watch(deadLetterAlarm(scope, ids.alarm, deadLetters, props.alarmDescription));
  return { queue, deadLetters };
}

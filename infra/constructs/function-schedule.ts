/**
 * An EventBridge Scheduler schedule that invokes one function: retried, with the events it could
 * not deliver kept in a dead-letter queue that raises an alarm. Scheduler rather than an
 * EventBridge rule: retries with a dead-letter queue for the invocation itself, and schedules
 * that are their own resources (no event bus involved).
 */
import { Duration, Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleTargetInput, type ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage';
import type { ApiFunction } from './api-function';
import { deadLetterAlarm } from './dead-letter-alarm';
import type { Observability } from './observability';
import { deadLetterQueue } from './worker-queue';

export interface FunctionScheduleProps {
  stage: StageConfig;
  observability: Observability;
  target: ApiFunction;
  schedule: ScheduleExpression;
  /** What the schedule does, for the console. */
  description: string;
  /** The event the function receives. */
  input: Record<string, unknown>;
  /** An event older than this is not delivered any more but dead-lettered. */
  maxEventAge: Duration;
  /** What the dead letters' alarm tells the operator. */
  alarmDescription: string;
}

export class FunctionSchedule extends Construct {
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: FunctionScheduleProps) {
    super(scope, id);
    const { stage, observability, target, schedule, description, input, maxEventAge, alarmDescription } =
      props;
    const targetName = target.node.id;

    this.deadLetters = deadLetterQueue(this, 'DeadLetters', stage);
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the schedule target (Scheduler DeadLetterConfig).',
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: `EventBridge Scheduler: invoke ${targetName}, dead-letter undeliverable events`,
    });
    new Schedule(this, 'Schedule', {
      description,
      schedule,
      target: new LambdaInvoke(target.function, {
        input: ScheduleTargetInput.fromObject(input),
        retryAttempts: 3,
        maxEventAge,
        deadLetterQueue: this.deadLetters,
        role,
      }),
    });
    const policy = role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      const logicalId = Stack.of(target.function).resolve(
        (target.function.node.defaultChild as CfnResource).logicalId,
      ) as string;
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        reason:
          "The schedule invokes its one target function; CDK grants the function's versions and aliases (`:*`) with it, nothing else.",
      });
    }
    observability.watch(deadLetterAlarm(this, 'DeadLettersAlarm', this.deadLetters, alarmDescription));
  }
}

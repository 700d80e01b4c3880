/**
 * The schedules in a nested stack. One EventBridge Scheduler schedule ticks every quarter hour
 * (UTC); its target, OpenTenantDays, finds the tenants whose local day has begun (each tenant's
 * midnight in its own time zone) and queues that day's jobs on an SQS FIFO queue — one message
 * group per tenant, so a tenant's jobs run in order and tenants in parallel. RunTenantDayJobs
 * consumes the queue with partial batch failures; a job that keeps failing lands in the
 * dead-letter queue, which raises an alarm, and can be redriven.
 */
import { Duration, NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TICK_CRON } from '../../shared/domain/schedules/schedule-tick';
import type { StageConfig } from '../stage';
import { ApiFunction } from './api-function';
import type { DataTable } from './data-table';
import { deadLetterAlarm } from './dead-letter-alarm';
import { FunctionSchedule } from './function-schedule';
import type { Observability } from './observability';

export interface ScheduleStackProps extends NestedStackProps {
  stage: StageConfig;
  data: DataTable;
  observability: Observability;
  outbox: IQueue;
  /** The tick's sweep relays webhook events the stream left unrelayed. */
  webhookQueue: IQueue;
  stateMachineArn: string;
  /** The credit bureau's credentials: the credit-refresh job orders reports. */
  creditBureauSecretArn: string;
}

export class ScheduleStack extends NestedStack {
  readonly jobs: Queue;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: ScheduleStackProps) {
    const {
      stage,
      data,
      observability,
      outbox,
      webhookQueue,
      stateMachineArn,
      creditBureauSecretArn,
      ...nestedStackProps
    } = props;
    super(scope, id, { description: `Recoup ${stage.stage}: schedules (tenant days)`, ...nestedStackProps });

    this.deadLetters = new Queue(this, 'JobDeadLetters', {
      fifo: true,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: stage.removalPolicy,
    });
    this.jobs = new Queue(this, 'Jobs', {
      fifo: true,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Longer than the worker's timeout, so a job still running is not handed to another worker.
      visibilityTimeout: Duration.minutes(16),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 5 },
      removalPolicy: stage.removalPolicy,
    });

    const tick = new ApiFunction(this, 'OpenTenantDays', {
      entry: 'functions/schedules/open-tenant-days.ts',
      description:
        'Schedules: queue the jobs of every tenant whose local day has begun; sweep the outbox and unrelayed webhook events',
      stage,
      observability,
      data,
      dataAccess: 'readWrite',
      timeout: Duration.minutes(1),
      environment: {
        JOBS_QUEUE_URL: this.jobs.queueUrl,
        OUTBOX_QUEUE_URL: outbox.queueUrl,
        WEBHOOK_QUEUE_URL: webhookQueue.queueUrl,
      },
    });
    this.jobs.grantSendMessages(tick.function);
    outbox.grantSendMessages(tick.function);
    webhookQueue.grantSendMessages(tick.function);

    const worker = new ApiFunction(this, 'RunTenantDayJobs', {
      entry: 'functions/schedules/run-tenant-day-jobs.ts',
      description:
        'Schedules: close the day, send due-date alerts, build the worklist, refresh old credit reports',
      stage,
      observability,
      data,
      dataAccess: 'readWrite',
      memorySize: 1024,
      timeout: Duration.minutes(15),
      environment: {
        OUTBOX_QUEUE_URL: outbox.queueUrl,
        STATE_MACHINE_ARN: stateMachineArn,
        CREDIT_BUREAU_SECRET_ARN: creditBureauSecretArn,
      },
    });
    worker.function.addToRolePolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [creditBureauSecretArn] }),
    );
    outbox.grantSendMessages(worker.function);
    // Closing a day decides promises and plans, which wakes (or opens) the debtor's case.
    worker.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'],
        resources: [stateMachineArn],
      }),
    );
    worker.function.addEventSource(
      new SqsEventSource(this.jobs, { batchSize: 10, reportBatchItemFailures: true }),
    );

    new FunctionSchedule(this, 'Tick', {
      stage,
      observability,
      target: tick,
      schedule: ScheduleExpression.expression(TICK_CRON),
      description: 'Every quarter hour: open the day of each tenant whose local midnight has passed',
      input: { source: 'recoup.tick' },
      maxEventAge: Duration.minutes(10),
      alarmDescription: 'The schedule tick could not invoke OpenTenantDays',
    });

    observability.watch(
      deadLetterAlarm(
        this,
        'JobDeadLettersAlarm',
        this.deadLetters,
        'A tenant-day job failed 5 times (jobs dead-letter queue)',
      ),
    );
  }
}

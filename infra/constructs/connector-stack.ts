/**
 * Accounting connectors in a nested stack: the KMS key whose data keys seal each connection's
 * OAuth tokens, the secret with the providers' OAuth clients (created empty, filled by the
 * operator), the queue that hands a connection's sync to its worker, the worker, and an hourly
 * EventBridge Scheduler schedule whose target queues a sync of every active connection. A sync
 * that fails five runs waits in the dead letters (alarmed); `POST /v1/connections/{id}/sync`
 * resumes it from its cursor once the cause is fixed.
 */
import { Duration, NestedStack, Validations, type NestedStackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../stage';
import { ApiFunction } from './api-function';
import { workerQueue } from './worker-queue';
import type { DataTable } from './data-table';
import { FunctionSchedule } from './function-schedule';
import type { Observability } from './observability';

const WORKER_TIMEOUT = Duration.minutes(15);

export interface ConnectorStackProps extends NestedStackProps {
  stage: StageConfig;
  data: DataTable;
  observability: Observability;
  stateMachineArn: string;
}

/** What the connection routes need of the connectors (plain values: they cross nested stacks). */
export interface ConnectorAccess {
  tokenKeyArn: string;
  secretArn: string;
  queueUrl: string;
  queueArn: string;
}

export class ConnectorStack extends NestedStack {
  readonly tokenKey: Key;
  readonly secret: Secret;
  readonly queue: Queue;
  readonly worker: ApiFunction;
  readonly scheduler: ApiFunction;

  constructor(scope: Construct, id: string, props: ConnectorStackProps) {
    const { stage, data, observability, stateMachineArn, ...nestedStackProps } = props;
    super(scope, id, { description: `Recoup ${stage.stage}: accounting connectors`, ...nestedStackProps });

    this.tokenKey = new Key(this, 'TokenKey', {
      description: "Seals accounting connections' OAuth tokens (envelope encryption, one data key each)",
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });
    this.secret = new Secret(this, 'Clients', {
      description: `Recoup ${stage.stage}: accounting OAuth clients as {"redirectUri": "<ApiUrl>/v1/connections/callback", "quickbooks": {"clientId": "...", "clientSecret": "...", "environment": "production"}, "xero": {"clientId": "...", "clientSecret": "..."}}`,
      removalPolicy: stage.removalPolicy,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        "OAuth client secrets are rolled in the provider's developer portal, then written here; Secrets Manager cannot rotate them itself.",
    });

    this.queue = workerQueue(this, {
      stage,
      observability,
      ids: { queue: 'Syncs', deadLetters: 'SyncDeadLetters', alarm: 'SyncDeadLettersAlarm' },
      workerTimeout: WORKER_TIMEOUT,
      maxReceiveCount: 5,
      alarmDescription: 'A connector sync failed five runs (syncs dead-letter queue)',
    }).queue;

    this.worker = new ApiFunction(this, 'SyncConnections', {
      entry: 'functions/connectors/sync-connections.ts',
      description: 'Connectors: pull what changed in an accounting system and apply it, page by page',
      stage,
      observability,
      data,
      dataAccess: 'readWrite',
      memorySize: 1024,
      timeout: WORKER_TIMEOUT,
      environment: { STATE_MACHINE_ARN: stateMachineArn },
    });
    this.worker.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 5 }),
    );
    this.grantConnectors(this.worker, this.access());
    this.grantQueue(this.worker, this.access());
    // Synced invoices and payments wake or open their debtors' cases, as those made by hand do.
    this.worker.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'],
        resources: [stateMachineArn],
      }),
    );

    this.scheduler = new ApiFunction(this, 'QueueConnectorSyncs', {
      entry: 'functions/connectors/queue-connector-syncs.ts',
      description: 'Connectors: every hour, queue a sync of every active connection',
      stage,
      observability,
      data,
      dataAccess: 'read',
      timeout: Duration.minutes(1),
    });
    this.grantQueue(this.scheduler, this.access());

    new FunctionSchedule(this, 'Hourly', {
      stage,
      observability,
      target: this.scheduler,
      schedule: ScheduleExpression.rate(Duration.hours(1)),
      description: 'Every hour: sync every active accounting connection',
      input: { source: 'recoup.connectors' },
      maxEventAge: Duration.minutes(30),
      alarmDescription: 'The hourly schedule could not invoke QueueConnectorSyncs',
    });
  }

  access(): ConnectorAccess {
    return {
      tokenKeyArn: this.tokenKey.keyArn,
      secretArn: this.secret.secretArn,
      queueUrl: this.queue.queueUrl,
      queueArn: this.queue.queueArn,
    };
  }

  /** The OAuth clients and the token key: for the functions that talk to accounting systems. */
  grantConnectors(fn: ApiFunction, access: ConnectorAccess): void {
    fn.function.addEnvironment('CONNECTOR_SECRET_ARN', access.secretArn);
    fn.function.addEnvironment('CONNECTOR_TOKEN_KEY_ID', access.tokenKeyArn);
    fn.function.addToRolePolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [access.secretArn] }),
    );
    fn.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [access.tokenKeyArn],
      }),
    );
  }

  /** Permission to queue syncs. */
  grantQueue(fn: ApiFunction, access: ConnectorAccess): void {
    fn.function.addEnvironment('CONNECTOR_SYNC_QUEUE_URL', access.queueUrl);
    fn.function.addToRolePolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [access.queueArn] }),
    );
  }
}

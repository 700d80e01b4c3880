/**
 * CSV imports: the private bucket clients upload files to (by presigned PUT), the queue that
 * hands an import to its worker, and the worker. The worker pauses after a checkpoint when its
 * 15 minutes run low and queues the import again, so any file size fits; a run that fails comes
 * back from the queue and resumes; after five failed runs the import waits in the dead letters
 * (alarmed) and `POST /v1/imports/{id}/start` resumes it once the cause is fixed.
 */
import { type CfnResource, Duration, Names, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage';
import { ApiFunction } from './api-function';
import { workerQueue } from './worker-queue';
import type { DataTable } from './data-table';
import type { Observability } from './observability';

/** Import files are the creditor's data: kept for the audit trail's sake a while, then removed. */
const KEEP_FILES_DAYS = 30;
const REPLACED_FILES_DAYS = 2;
const WORKER_TIMEOUT = Duration.minutes(15);

export interface ImportPipelineProps {
  stage: StageConfig;
  data: DataTable;
  observability: Observability;
  stateMachineArn: string;
}

export class ImportPipeline extends Construct {
  readonly bucket: Bucket;
  readonly queue: Queue;
  readonly worker: ApiFunction;

  constructor(scope: Construct, id: string, props: ImportPipelineProps) {
    super(scope, id);
    const { stage, data, observability, stateMachineArn } = props;
    this.bucket = new Bucket(this, 'Files', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: stage.removalPolicy,
      // Versioned: an import reads the version it started with, whatever is uploaded after it.
      versioned: true,
      lifecycleRules: [
        {
          expiration: Duration.days(KEEP_FILES_DAYS),
          // A file uploaded again in its place: the earlier one is kept only while an import
          // started on it may still be reading it.
          noncurrentVersionExpiration: Duration.days(REPLACED_FILES_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        // Expiring a versioned file leaves a delete marker: removed once nothing is behind it.
        { expiredObjectDeleteMarker: true },
      ],
      // Browsers upload with the presigned URL (the signature is the authorisation).
      cors: [{ allowedMethods: [HttpMethods.PUT], allowedOrigins: ['*'], allowedHeaders: ['content-type'] }],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Import files are written through presigned URLs issued to authenticated users (each import audited) and read only by the import worker; CloudTrail data events are the access log where an account wants one.',
    });

    this.queue = workerQueue(this, {
      stage,
      observability,
      ids: { queue: 'Queue', deadLetters: 'DeadLetters', alarm: 'DeadLettersAlarm' },
      workerTimeout: WORKER_TIMEOUT,
      maxReceiveCount: 5,
      alarmDescription: 'An import failed five runs (imports dead-letter queue)',
    }).queue;

    this.worker = new ApiFunction(this, 'RunImports', {
      entry: 'functions/imports/run-imports.ts',
      description: 'Imports: validate a CSV file, then apply its rows in checkpointed batches',
      stage,
      observability,
      data,
      dataAccess: 'readWrite',
      memorySize: 1024,
      timeout: WORKER_TIMEOUT,
      environment: {
        IMPORTS_BUCKET: this.bucket.bucketName,
        IMPORTS_QUEUE_URL: this.queue.queueUrl,
        STATE_MACHINE_ARN: stateMachineArn,
      },
    });
    this.worker.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 5 }),
    );
    this.worker.function.addToRolePolicy(
      // The version the import started with (GetObject with a version id).
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.bucket.arnForObjects('imports/*')],
      }),
    );
    this.queue.grantSendMessages(this.worker.function);
    // Imported invoices open their debtors' cases, as invoices created through the API do.
    this.worker.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'],
        resources: [stateMachineArn],
      }),
    );
    acknowledgeImportsPrefix(
      this.worker,
      this.bucket,
      'The import worker reads the uploaded files under imports/, one object per import.',
    );
  }

  /** For the routes that open and start imports: presign uploads, check the file, queue the run. */
  grantToRoute(fn: ApiFunction): void {
    fn.function.addEnvironment('IMPORTS_BUCKET', this.bucket.bucketName);
    fn.function.addEnvironment('IMPORTS_QUEUE_URL', this.queue.queueUrl);
    // A presigned PUT carries the signer's permission; HEAD (the file's size) needs GetObject.
    fn.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [this.bucket.arnForObjects('imports/*')],
      }),
    );
    this.queue.grantSendMessages(fn.function);
    acknowledgeImportsPrefix(
      fn,
      this.bucket,
      'Import routes presign uploads and check files under imports/, one object per import.',
    );
  }
}

/**
 * The grants cover the imports prefix only; each file's key is known only when its import opens.
 * In a route's nested stack the bucket's ARN arrives as a parameter named after the bucket.
 */
function acknowledgeImportsPrefix(fn: ApiFunction, bucket: Bucket, reason: string): void {
  const policy = fn.base.role.node.tryFindChild('DefaultPolicy');
  if (!policy) return;
  const resource = bucket.node.defaultChild as CfnResource;
  const name =
    Stack.of(fn) === Stack.of(bucket)
      ? `${Stack.of(bucket).resolve(resource.logicalId) as string}.Arn`
      : `referenceto${Names.uniqueId(resource)}Arn`;
  Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[Resource::<${name}>/imports/*]`, reason });
}

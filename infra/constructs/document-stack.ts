/**
 * The document store's storage, in a nested stack:
 * - the documents bucket: S3-managed encryption, public access blocked, TLS only, versioned (only
 *   the checked version of a file is ever served), its access logged to a logs bucket, EventBridge
 *   notifications on, uploads left half-done (multipart) and replaced versions cleaned up;
 * - GuardDuty Malware Protection for S3 on the `documents/` prefix, tagging each scanned object;
 * - CheckStoredDocument, run by two rules: S3's `Object Created` (the upload arrived: real size and
 *   type) and GuardDuty's scan result (the tag is there: available or rejected).
 * Browsers upload straight to the bucket with presigned POST forms, so the bucket allows the web
 * apps' origin to POST (`allowUploadsFrom`).
 */
import { Duration, NestedStack, Stack, Validations, Aws, type NestedStackProps } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct, IConstruct } from 'constructs';
import type { StageConfig } from '../stage';
import { ApiFunction } from './api-function';
import type { DataTable } from './data-table';
import { deadLetterAlarm } from './dead-letter-alarm';
import type { Observability } from './observability';
import { deadLetterQueue } from './worker-queue';

/** Every document object lives under this prefix (shared/domain/documents/document.ts). */
export const DOCUMENTS_PREFIX = 'documents/';

/**
 * The bucket's name, fixed per stage, account and region: the route functions that sign uploads
 * and downloads build its ARN from their own stack's pseudo parameters, so they reference no other
 * stack and their grants can name the documents prefix exactly.
 */
export function documentsBucketName(stage: string): string {
  return `recoup-${stage}-documents-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/** Every document object of the stage's bucket: the one resource document grants name. */
export function documentObjectsArn(stage: string): string {
  return `arn:${Aws.PARTITION}:s3:::${documentsBucketName(stage)}/${DOCUMENTS_PREFIX}*`;
}

/** A grant on the documents prefix: each document's key is made when it is announced. */
export function acknowledgeDocumentObjects(role: IConstruct, stage: string, reason: string): void {
  const policy = role.node.tryFindChild('DefaultPolicy');
  if (!policy) return;
  Validations.of(policy).acknowledge({
    id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::recoup-${stage}-documents-<AWS::AccountId>-<AWS::Region>/${DOCUMENTS_PREFIX}*]`,
    reason: `${reason}; one object per document under the documents prefix, whose keys are made when a document is announced.`,
  });
}

export interface DocumentStackProps extends NestedStackProps {
  stage: StageConfig;
  data: DataTable;
  observability: Observability;
}

export class DocumentStack extends NestedStack {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  readonly checker: ApiFunction;

  constructor(scope: Construct, id: string, props: DocumentStackProps) {
    const { stage, data, observability, ...nestedStackProps } = props;
    super(scope, id, { description: `Recoup ${stage.stage}: the document store`, ...nestedStackProps });

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: stage.removalPolicy,
      lifecycleRules: [{ expiration: Duration.days(stage.logRetention) }],
    });

    this.bucket = new Bucket(this, 'Documents', {
      bucketName: documentsBucketName(stage.stage),
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy: stage.removalPolicy,
      lifecycleRules: [
        // Abandoned multipart uploads (a browser closed mid-file) leave invisible, billed parts.
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Bytes replaced by a second upload with the same form are never served.
        { noncurrentVersionExpiration: Duration.days(30) },
      ],
    });

    // EventBridge notifications as a bucket property (CDK's `eventBridgeEnabled` adds a custom resource).
    (this.bucket.node.defaultChild as CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
    this.logAccess();
    this.addMalwareProtection(stage);

    this.checker = new ApiFunction(this, 'CheckStoredDocument', {
      entry: 'functions/documents/check-stored-document.ts',
      description:
        'Documents: check an uploaded file (size, type, malware scan) and make it available or reject it',
      stage,
      observability,
      data,
      dataAccess: 'readWrite',
      timeout: Duration.seconds(30),
      environment: { DOCUMENTS_BUCKET: this.bucket.bucketName },
    });
    this.checker.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging'],
        resources: [documentObjectsArn(stage.stage)],
      }),
    );
    acknowledgeDocumentObjects(
      this.checker.base.role,
      stage.stage,
      'CheckStoredDocument reads any document it is told of',
    );

    const deadLetters = deadLetterQueue(this, 'CheckDeadLetters', stage);
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the document check rules.',
    });
    const target = new LambdaFunction(this.checker.function, {
      retryAttempts: 8,
      maxEventAge: Duration.hours(24),
      deadLetterQueue: deadLetters,
    });
    new Rule(this, 'DocumentUploaded', {
      description: 'A document file arrived in the documents bucket: check its size and type',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [this.bucket.bucketName] },
          object: { key: [{ prefix: DOCUMENTS_PREFIX }] },
        },
      },
      targets: [target],
    });
    new Rule(this, 'DocumentScanned', {
      description: 'GuardDuty scanned a document file: make it available or reject it',
      eventPattern: {
        source: ['aws.guardduty'],
        detailType: ['GuardDuty Malware Protection Object Scan Result'],
        detail: { s3ObjectDetails: { bucketName: [this.bucket.bucketName] } },
      },
      targets: [target],
    });
    observability.watch(
      deadLetterAlarm(this, 'CheckDeadLettersAlarm', deadLetters, 'Uploaded documents could not be checked'),
    );
  }

  /** The web apps' origin may POST uploads (the signed policy, not CORS, decides what is stored). */
  allowUploadsFrom(origin: string): void {
    this.bucket.addCorsRule({
      allowedOrigins: [origin],
      allowedMethods: [HttpMethods.POST],
      allowedHeaders: ['*'],
      maxAge: 3000,
    });
  }

  /**
   * Server access logs by bucket policy (the logging service's principal, this bucket as source),
   * not by the ACL CDK would set without its `serverAccessLogsUseBucketPolicy` flag: ACLs are off.
   */
  private logAccess(): void {
    const prefix = 'documents-bucket/';
    (this.bucket.node.defaultChild as CfnBucket).loggingConfiguration = {
      destinationBucketName: this.accessLogs.bucketName,
      logFilePrefix: prefix,
    };
    this.accessLogs.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.accessLogs.arnForObjects(`${prefix}*`)],
        conditions: {
          ArnLike: { 'aws:SourceArn': this.bucket.bucketArn },
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        },
      }),
    );
  }

  /**
   * GuardDuty Malware Protection for S3: scans every new object under `documents/` and tags it
   * `GuardDutyMalwareScanStatus`; the role is the one GuardDuty's documentation prescribes.
   */
  private addMalwareProtection(stage: StageConfig): void {
    // Pseudo parameters, not the stack's (possibly concrete) region: one ARN, one acknowledgement.
    const managedRules = `arn:${Aws.PARTITION}:events:${Aws.REGION}:${Aws.ACCOUNT_ID}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`;
    const role = new Role(this, 'MalwareProtectionRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: `Recoup ${stage.stage}: GuardDuty scans and tags the documents bucket's objects`,
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [managedRules],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['events:DescribeRule', 'events:ListTargetsByRule'],
        resources: [managedRules],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:PutObjectTagging',
          's3:GetObjectTagging',
          's3:PutObjectVersionTagging',
          's3:GetObjectVersionTagging',
        ],
        resources: [documentObjectsArn(stage.stage)],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'],
        resources: [this.bucket.bucketArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects('malware-protection-resource-validation-object')],
      }),
    );
    const plan = new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: role.roleArn,
      protectedResource: {
        s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: [DOCUMENTS_PREFIX] },
      },
      actions: { tagging: { status: 'ENABLED' } },
    });
    // GuardDuty checks the role when the plan is created: the policy must exist first.
    plan.node.addDependency(role);
    const policy = role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      Validations.of(policy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]',
        reason:
          'GuardDuty names its managed EventBridge rule itself; the prefix is all that is known in advance.',
      });
    }
    acknowledgeDocumentObjects(role, stage.stage, 'GuardDuty scans and tags every new document object');
  }
}

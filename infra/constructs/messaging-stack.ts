/**
 * Sending and its feedback, in a nested stack:
 * - SendMessages consumes the outbox queue (partial batch failures) and delivers through SES v2,
 *   End User Messaging SMS and voice, and the letters bucket the print-and-mail provider collects;
 * - the SES configuration set publishes Send, Delivery, Bounce, Complaint, Reject and Rendering
 *   Failure events to EventBridge, where End User Messaging publishes text and voice status too;
 *   one rule hands both to RecordDeliveryReports;
 * - replies to texts (two-way SMS) arrive on an SNS topic read by RecordInboundTexts (STOP, START).
 */
import {
  ArnFormat,
  Duration,
  NestedStack,
  Stack,
  Validations,
  type CfnResource,
  type NestedStackProps,
} from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SnsEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { CfnConfigurationSet as CfnSmsConfigurationSet } from 'aws-cdk-lib/aws-smsvoice';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption, type Queue as SqsQueue } from 'aws-cdk-lib/aws-sqs';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import type { StageConfig } from '../stage';
import { ApiFunction } from './api-function';
import type { DataTable } from './data-table';
import { deadLetterAlarm } from './dead-letter-alarm';
import type { Observability } from './observability';

export interface MessagingStackProps extends NestedStackProps {
  stage: StageConfig;
  data: DataTable;
  observability: Observability;
  outbox: SqsQueue;
  stateMachineArn: string;
}

export class MessagingStack extends NestedStack {
  readonly letters: Bucket;
  readonly inboundTexts: Topic;
  readonly sender: ApiFunction;

  constructor(scope: Construct, id: string, props: MessagingStackProps) {
    const { stage, data, observability, outbox, stateMachineArn, ...nestedStackProps } = props;
    super(scope, id, {
      description: `Recoup ${stage.stage}: outbound messages and delivery feedback`,
      ...nestedStackProps,
    });
    const stack = Stack.of(this);

    this.letters = new Bucket(this, 'Letters', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy: stage.removalPolicy,
    });
    Validations.of(this.letters).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Letters are written only by SendMessages (each write recorded on the message and in the audit log) and read by the print provider; CloudTrail data events are the access log where an account wants one.',
    });

    const emailEvents = new ConfigurationSet(this, 'EmailConfigurationSet', {
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    new ConfigurationSetEventDestination(this, 'EmailEvents', {
      configurationSet: emailEvents,
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [
        EmailSendingEvent.SEND,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
        EmailSendingEvent.RENDERING_FAILURE,
      ],
    });
    const smsConfigurationSet = new CfnSmsConfigurationSet(this, 'SmsConfigurationSet', {
      configurationSetName: `recoup-${stage.stage}-messages`,
    });

    this.sender = new ApiFunction(this, 'SendMessages', {
      entry: 'functions/messaging/send-messages.ts',
      description: 'Messaging: deliver queued messages by email, text, voice and letter, once each',
      stage,
      observability,
      data,
      dataAccess: 'readWrite',
      memorySize: 1024,
      // Well under the claim a sender holds on a message (CLAIM_HOLDS_MS, 5 minutes).
      timeout: Duration.seconds(60),
      environment: {
        EMAIL_FROM: stage.messaging.emailFrom,
        EMAIL_CONFIGURATION_SET: emailEvents.configurationSetName,
        SMS_ORIGINATION_IDENTITY: stage.messaging.smsOriginationIdentity,
        SMS_CONFIGURATION_SET: smsConfigurationSet.configurationSetName!,
        LETTERS_BUCKET: this.letters.bucketName,
        // A message refused for good wakes the case to choose another channel.
        STATE_MACHINE_ARN: stateMachineArn,
      },
    });
    this.sender.function.addEventSource(
      new SqsEventSource(outbox, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 5 }),
    );
    const emailDomain = stage.messaging.emailFrom.split('@')[1]!;
    this.sender.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: emailDomain }),
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: stage.messaging.emailFrom }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: emailEvents.configurationSetName,
          }),
        ],
      }),
    );
    this.sender.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['sms-voice:SendTextMessage', 'sms-voice:SendVoiceMessage'],
        resources: [
          originationArn(stack, stage.messaging.smsOriginationIdentity),
          stack.formatArn({
            service: 'sms-voice',
            resource: 'configuration-set',
            resourceName: smsConfigurationSet.configurationSetName!,
          }),
        ],
      }),
    );
    this.sender.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [this.letters.arnForObjects('letters/*')],
      }),
    );
    acknowledgeWildcard(this.sender, 'letters/*', this.letters);

    const reports = new ApiFunction(this, 'RecordDeliveryReports', {
      entry: 'functions/messaging/record-delivery-reports.ts',
      description: 'Messaging: record delivery, bounces and complaints; suppress dead addresses',
      stage,
      observability,
      data,
      dataAccess: 'readWrite',
      timeout: Duration.seconds(30),
      environment: { STATE_MACHINE_ARN: stateMachineArn },
    });
    const reportDeadLetters = deadLetterQueue(this, 'ReportDeadLetters', stage);
    new Rule(this, 'DeliveryReports', {
      description: 'SES email events and End User Messaging text and voice status, to RecordDeliveryReports',
      eventPattern: {
        source: ['aws.ses', 'aws.sms-voice'],
        detailType: [
          'Email Sent',
          'Email Delivered',
          'Email Bounced',
          'Email Complaint Received',
          'Email Rejected',
          'Email Rendering Failed',
          'Text Message Delivery Status Updated',
          'Voice Message Delivery Status Updated',
        ],
      },
      targets: [
        new LambdaFunction(reports.function, {
          retryAttempts: 8,
          maxEventAge: Duration.hours(24),
          deadLetterQueue: reportDeadLetters,
        }),
      ],
    });

    const topicKey = new Key(this, 'InboundTextsKey', {
      description: 'Encrypts the replies debtors text back',
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });
    // End User Messaging publishes the replies: it may use the key for this topic only.
    topicKey.grant(new ServicePrincipal('sms-voice.amazonaws.com'), 'kms:GenerateDataKey*', 'kms:Decrypt');
    this.inboundTexts = new Topic(this, 'InboundTexts', {
      displayName: 'Recoup: replies to texts',
      masterKey: topicKey,
      enforceSSL: true,
    });
    this.inboundTexts.grantPublish(new ServicePrincipal('sms-voice.amazonaws.com'));
    const inbound = new ApiFunction(this, 'RecordInboundTexts', {
      entry: 'functions/messaging/record-inbound-texts.ts',
      description: 'Messaging: honour STOP and START replies to texts; log other replies',
      stage,
      observability,
      data,
      dataAccess: 'readWrite',
      timeout: Duration.seconds(30),
      environment: { STATE_MACHINE_ARN: stateMachineArn },
    });
    const inboundDeadLetters = deadLetterQueue(this, 'InboundDeadLetters', stage);
    inbound.function.addEventSource(
      new SnsEventSource(this.inboundTexts, { deadLetterQueue: inboundDeadLetters }),
    );
    for (const wakes of [this.sender, reports, inbound]) {
      // A refusal, a bounce or a STOP wakes the debtor's case so it can choose another channel.
      wakes.function.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'],
          resources: [stateMachineArn],
        }),
      );
    }

    observability.watch(
      deadLetterAlarm(
        this,
        'ReportDeadLettersAlarm',
        reportDeadLetters,
        'Delivery reports could not be recorded',
      ),
      deadLetterAlarm(
        this,
        'InboundDeadLettersAlarm',
        inboundDeadLetters,
        'Replies to texts (STOP, START) could not be recorded',
      ),
    );
  }
}

function deadLetterQueue(scope: Construct, id: string, stage: StageConfig): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: stage.removalPolicy,
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself a dead-letter queue (of an event rule target or a subscription).',
  });
  return queue;
}

function originationArn(stack: Stack, identity: string): string {
  if (identity.startsWith('arn:')) return identity;
  return stack.formatArn({
    service: 'sms-voice',
    resource: identity.startsWith('pool-') ? 'pool' : 'phone-number',
    resourceName: identity,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/** The grant covers the letters prefix only; the key of each letter is not known in advance. */
function acknowledgeWildcard(fn: ApiFunction, prefix: string, bucket: Bucket): void {
  const policy = fn.base.role.node.tryFindChild('DefaultPolicy');
  if (!policy) return;
  const logicalId = Stack.of(bucket).resolve((bucket.node.defaultChild as CfnResource).logicalId) as string;
  Validations.of(policy).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}]`,
    reason: 'SendMessages writes letters under the letters/ prefix, one object per message.',
  });
}

/**
 * The Recoup stack of one stage: data, sign-in, the HTTP API and the observability they report to.
 * The API's per-route resources are in nested stacks below `Api` (see constructs/route-stack.ts).
 */
import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { RouteDefinition } from '../shared/http/route';
import { Auth } from './constructs/auth';
import { DataTable } from './constructs/data-table';
import { HttpApi } from './constructs/http-api';
import { Observability } from './constructs/observability';
import { OutboxQueue } from './constructs/outbox-queue';
import { WebhookQueue } from './constructs/webhook-queue';
import { WebhooksStack } from './constructs/webhooks-stack';
import { WorkflowStack } from './constructs/workflow-stack';
import { ScheduleStack } from './constructs/schedule-stack';
import { MessagingStack } from './constructs/messaging-stack';
import { WebHosting } from './constructs/web-hosting';
import { PaymentProviderKeys } from './constructs/payment-provider-keys';
import { CreditBureauKeys } from './constructs/credit-bureau-keys';
import { ConnectorStack } from './constructs/connector-stack';
import { CollectionWorkflow } from './constructs/collection-workflow';
import { DocumentStack } from './constructs/document-stack';
import { ImportPipeline } from './constructs/import-pipeline';
import type { StageConfig } from './stage';

export interface RecoupStackProps extends StackProps {
  stage: StageConfig;
  /** The route table; one API Gateway route and Lambda each. */
  routes: readonly RouteDefinition[];
}

export class RecoupStack extends Stack {
  readonly observability: Observability;
  readonly data: DataTable;
  readonly auth: Auth;
  readonly api: HttpApi;
  readonly outbox: OutboxQueue;
  readonly webhookQueue: WebhookQueue;
  readonly webhooks: WebhooksStack;
  readonly workflows: WorkflowStack;
  readonly schedules: ScheduleStack;
  readonly messaging: MessagingStack;
  readonly web: WebHosting;
  readonly paymentKeys: PaymentProviderKeys;
  readonly creditBureauKeys: CreditBureauKeys;
  readonly connectors: ConnectorStack;
  readonly documents: DocumentStack;
  readonly imports: ImportPipeline;

  constructor(scope: Construct, id: string, props: RecoupStackProps) {
    super(scope, id, props);
    const { stage } = props;

    this.observability = new Observability(this, 'Observability', { stage });
    this.data = new DataTable(this, 'Data', { stage });
    this.auth = new Auth(this, 'Auth', { stage, observability: this.observability });
    this.outbox = new OutboxQueue(this, 'Outbox', { stage, observability: this.observability });
    this.webhookQueue = new WebhookQueue(this, 'WebhookQueue', { stage, observability: this.observability });
    const stateMachineName = `recoup-${stage.stage}-collection`;
    this.creditBureauKeys = new CreditBureauKeys(this, 'CreditBureauKeys', { stage });
    this.schedules = new ScheduleStack(this, 'Schedules', {
      stage,
      data: this.data,
      observability: this.observability,
      outbox: this.outbox.queue,
      webhookQueue: this.webhookQueue.queue,
      stateMachineArn: CollectionWorkflow.arnFor(this, stateMachineName),
      creditBureauSecretArn: this.creditBureauKeys.secret.secretArn,
    });
    this.webhooks = new WebhooksStack(this, 'Webhooks', {
      stage,
      data: this.data,
      observability: this.observability,
      queue: this.webhookQueue.queue,
      deadLetters: this.webhookQueue.deadLetters,
      outbox: this.outbox.queue,
    });
    this.messaging = new MessagingStack(this, 'Messaging', {
      stage,
      data: this.data,
      observability: this.observability,
      outbox: this.outbox.queue,
      stateMachineArn: CollectionWorkflow.arnFor(this, stateMachineName),
    });
    this.paymentKeys = new PaymentProviderKeys(this, 'PaymentProviderKeys', { stage });
    this.documents = new DocumentStack(this, 'Documents', {
      stage,
      data: this.data,
      observability: this.observability,
    });
    this.imports = new ImportPipeline(this, 'Imports', {
      stage,
      data: this.data,
      observability: this.observability,
      stateMachineArn: CollectionWorkflow.arnFor(this, stateMachineName),
    });
    this.connectors = new ConnectorStack(this, 'Connectors', {
      stage,
      data: this.data,
      observability: this.observability,
      stateMachineArn: CollectionWorkflow.arnFor(this, stateMachineName),
    });
    this.api = new HttpApi(this, 'Api', {
      stage,
      routes: props.routes,
      auth: this.auth,
      data: this.data,
      observability: this.observability,
      stateMachineArn: CollectionWorkflow.arnFor(this, stateMachineName),
      paymentSecretArn: this.paymentKeys.secret.secretArn,
      creditBureauSecretArn: this.creditBureauKeys.secret.secretArn,
      imports: this.imports,
      webhookQueue: this.webhookQueue.queue,
      connectors: this.connectors.access(),
    });

    this.web = new WebHosting(this, 'Web', {
      stage,
      apiUrl: this.api.url,
      config: {
        cognito: {
          endpoint: `https://cognito-idp.${this.region}.${this.urlSuffix}/`,
          clientId: this.auth.client.userPoolClientId,
        },
        console: {
          authorizeUrl: `${this.auth.hostedUiBaseUrl}/oauth2/authorize`,
          tokenUrl: `${this.auth.hostedUiBaseUrl}/oauth2/token`,
          clientId: this.auth.client.userPoolClientId,
        },
      },
    });

    // The portal uploads straight to the bucket, from the web apps' origin.
    this.documents.allowUploadsFrom(this.web.url);

    this.workflows = new WorkflowStack(this, 'Workflows', {
      stage,
      data: this.data,
      observability: this.observability,
      outbox: this.outbox.queue,
      stateMachineName,
      // ReviewCase puts portal links in the messages that show one.
      portal: {
        keyArn: this.auth.portalLinkKey.keyArn,
        userPoolId: this.auth.userPool.userPoolId,
        userPoolArn: this.auth.userPool.userPoolArn,
        webUrl: this.web.url,
      },
    });

    if (stage.messaging.isPlaceholder) {
      Annotations.of(this).addWarningV2(
        'recoup:placeholder-messaging',
        `No emailFrom/smsOriginationIdentity given for stage ${stage.stage}: messages would go from ${stage.messaging.emailFrom} and ${stage.messaging.smsOriginationIdentity}. Deploy with -c emailFrom=collections@your-domain -c smsOriginationIdentity=phone-…`,
      );
    }
    if (stage.callbackUrlsArePlaceholder) {
      Annotations.of(this).addWarningV2(
        'recoup:placeholder-callback-urls',
        `No callbackUrls/logoutUrls given for stage ${stage.stage}: the web client uses placeholders (${stage.callbackUrls.join(', ')}). Deploy with -c callbackUrls=https://… -c logoutUrls=https://…`,
      );
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'WebUrl', {
      value: this.web.url,
      description: 'The debtor portal (/portal) and the collectors’ console (/console); the API under /v1',
    });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'Issuer', { value: this.auth.issuer, description: 'JWT issuer of the user pool' });
    new CfnOutput(this, 'HostedUiBaseUrl', { value: this.auth.hostedUiBaseUrl });
    new CfnOutput(this, 'StateMachineArn', {
      value: this.workflows.workflow.stateMachine.stateMachineArn,
      description: 'The collection workflow: one execution per debtor case',
    });
    new CfnOutput(this, 'LettersBucket', {
      value: this.messaging.letters.bucketName,
      description: 'Where letters wait for the print-and-mail provider',
    });
    new CfnOutput(this, 'DocumentsBucket', {
      value: this.documents.bucket.bucketName,
      description: 'Documents’ files (uploaded by presigned POST, scanned by GuardDuty Malware Protection)',
    });
    new CfnOutput(this, 'InboundTextsTopicArn', {
      value: this.messaging.inboundTexts.topicArn,
      description: 'Set as the two-way SMS destination of the origination number',
    });
    new CfnOutput(this, 'ConnectorClientsSecretArn', {
      value: this.connectors.secret.secretArn,
      description:
        'Put {"redirectUri":"<ApiUrl>/v1/connections/callback","quickbooks":{"clientId":"…","clientSecret":"…","environment":"production"},"xero":{"clientId":"…","clientSecret":"…"}} here',
    });
    new CfnOutput(this, 'PaymentProviderSecretArn', {
      value: this.paymentKeys.secret.secretArn,
      description:
        'Put {"secretKey":"sk_…","webhookSecret":"whsec_…"} here; the webhook is <WebUrl>/v1/webhooks/stripe',
    });
    new CfnOutput(this, 'ImportsBucket', {
      value: this.imports.bucket.bucketName,
      description: 'Uploaded import files (kept 30 days)',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.observability.topic.topicArn });
  }
}

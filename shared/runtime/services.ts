/**
 * The composition root: adapters wired once per Lambda container (outside the handler) from the
 * environment. The local runtime and tests configure the same graph with their own clock and
 * DynamoDB endpoint.
 */
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCaseStore } from '../adapters/dynamodb/case-store';
import { SfnWorkflowEngine } from '../adapters/sfn/sfn-workflow-engine';
import { SqsMessageDelivery } from '../adapters/sqs/sqs-message-delivery';
import type { CaseStore } from '../ports/case-store';
import type { ChannelSenders } from '../ports/channel-sender';
import type { DeliveryLog } from '../ports/delivery-log';
import type { PaymentProvider } from '../ports/payment-provider';
import type { CreditBureau } from '../ports/credit-bureau';
import type { CreditReportStore } from '../ports/credit-report-store';
import { DynamoDbCreditReportStore } from '../adapters/dynamodb/credit-report-store';
import type { LinkSigner } from '../ports/link-signer';
import type { PortalUsers } from '../ports/portal-users';
import { DynamoDbDeliveryLog } from '../adapters/dynamodb/delivery-log';
import type { DeliveryChannel } from '../domain/messaging/delivery';
import type { MessageDelivery } from '../ports/message-delivery';
import type { WorkflowEngine } from '../ports/workflow-engine';
import type { JobQueue } from '../ports/job-queue';
import type { NotificationStore } from '../ports/notification-store';
import type { ScheduleStore } from '../ports/schedule-store';
import type { WorklistStore } from '../ports/worklist-store';
import type { ReceivableDayStore } from '../ports/receivable-day-store';
import type { RollupStore } from '../ports/rollup-store';
import type { AlertRuleStore } from '../ports/alert-rule-store';
import type { ForecastStore } from '../ports/forecast-store';
import type { TemplateStore } from '../ports/template-store';
import { DynamoDbTemplateStore } from '../adapters/dynamodb/template-store';
import { DynamoDbWebhookStore } from '../adapters/dynamodb/webhook-store';
import { SqsWebhookQueue } from '../adapters/sqs/sqs-webhook-queue';
import { fetchWebhookTransport } from '../adapters/http/fetch-webhook-transport';
import type { UrlPolicy } from '../domain/webhooks/webhook-endpoint';
import type { WebhookStore } from '../ports/webhook-store';
import type { WebhookQueue } from '../ports/webhook-queue';
import type { WebhookTransport } from '../ports/webhook-transport';
import { DynamoDbForecastStore } from '../adapters/dynamodb/forecast-store';
import { DynamoDbAlertRuleStore } from '../adapters/dynamodb/alert-rule-store';
import { DynamoDbRollupStore } from '../adapters/dynamodb/rollup-store';
import { DynamoDbReceivableDayStore } from '../adapters/dynamodb/receivable-day-store';
import { SqsJobQueue } from '../adapters/sqs/sqs-job-queue';
import { DynamoDbNotificationStore } from '../adapters/dynamodb/notification-store';
import { DynamoDbScheduleStore } from '../adapters/dynamodb/schedule-store';
import { DynamoDbWorklistStore } from '../adapters/dynamodb/worklist-store';
import { createDocumentClient } from '../adapters/dynamodb/client';
import { DynamoDbApprovalStore } from '../adapters/dynamodb/approval-store';
import { DynamoDbAuditLog } from '../adapters/dynamodb/audit-log';
import { DynamoDbDebtorStore } from '../adapters/dynamodb/debtor-store';
import { DynamoDbMergeStore } from '../adapters/dynamodb/merge-store';
import { DynamoDbExchangeRateStore } from '../adapters/dynamodb/exchange-rate-store';
import { DynamoDbIdempotencyStore } from '../adapters/dynamodb/idempotency-store';
import { DynamoDbInvoiceStore } from '../adapters/dynamodb/invoice-store';
import { DynamoDbLedgerFactsReader } from '../adapters/dynamodb/ledger-facts-reader';
import { DynamoDbLedgerStore } from '../adapters/dynamodb/ledger-store';
import { DynamoDbContactStore } from '../adapters/dynamodb/contact-store';
import { DynamoDbPolicyStore } from '../adapters/dynamodb/policy-store';
import { DynamoDbSettingsStore } from '../adapters/dynamodb/settings-store';
import { systemClock } from '../adapters/system/system-clock';
import { ulidGenerator } from '../adapters/system/ulid-generator';
import { tracer } from '../observability/powertools';
import type { ApprovalStore } from '../ports/approval-store';
import type { AuditLog } from '../ports/audit-log';
import type { Clock } from '../ports/clock';
import type { DebtorStore } from '../ports/debtor-store';
import type { MergeStore } from '../ports/merge-store';
import type { ExchangeRateStore } from '../ports/exchange-rate-store';
import type { IdGenerator } from '../ports/id-generator';
import type { IdempotencyStore } from '../ports/idempotency-store';
import type { InvoiceStore } from '../ports/invoice-store';
import type { LedgerFactsReader } from '../ports/ledger-facts-reader';
import type { LedgerStore } from '../ports/ledger-store';
import type { ContactStore } from '../ports/contact-store';
import type { PolicyStore } from '../ports/policy-store';
import type { SettingsStore } from '../ports/settings-store';
import type { DocumentStore } from '../ports/document-store';
import type { FileStore } from '../ports/file-store';
import type { MalwareScanner } from '../ports/malware-scanner';
import { DynamoDbDocumentStore } from '../adapters/dynamodb/document-store';
import type { ImportStore } from '../ports/import-store';
import type { BulkRecords } from '../ports/bulk-records';
import type { ImportFiles } from '../ports/import-files';
import type { ImportRunner } from '../ports/import-runner';
import { DynamoDbImportStore } from '../adapters/dynamodb/import-store';
import { DynamoDbBulkRecords } from '../adapters/dynamodb/bulk-records';
import { SqsImportRunner } from '../adapters/sqs/sqs-import-runner';
import { SqsSyncRunner } from '../adapters/sqs/sqs-sync-runner';
import type { ConnectionStore } from '../ports/connection-store';
import type { AccountingConnectors } from '../ports/accounting-connector';
import type { TokenCipher } from '../ports/token-cipher';
import type { SyncRunner } from '../ports/sync-runner';
import { DynamoDbConnectionStore } from '../adapters/dynamodb/connection-store';

export interface Services {
  clock: Clock;
  ids: IdGenerator;
  debtors: DebtorStore;
  merges: MergeStore;
  invoices: InvoiceStore;
  ledger: LedgerStore;
  facts: LedgerFactsReader;
  exchangeRates: ExchangeRateStore;
  approvals: ApprovalStore;
  settings: SettingsStore;
  policies: PolicyStore;
  contacts: ContactStore;
  cases: CaseStore;
  workflow: WorkflowEngine;
  messages: MessageDelivery;
  deliveryLog: DeliveryLog;
  senders: ChannelSenders;
  payments: PaymentProvider;
  /** The business credit bureau (Creditsafe in AWS, credit-bureau.ts; a stand-in locally). */
  creditBureau: CreditBureau;
  creditReports: CreditReportStore;
  linkSigner: LinkSigner;
  portalUsers: PortalUsers;
  /** Where the web apps are served (the portal links in messages point there). */
  webBaseUrl: () => string;
  notifications: NotificationStore;
  schedules: ScheduleStore;
  jobs: JobQueue;
  worklists: WorklistStore;
  receivableDays: ReceivableDayStore;
  rollups: RollupStore;
  alertRules: AlertRuleStore;
  forecasts: ForecastStore;
  templates: TemplateStore;
  webhooks: WebhookStore;
  webhookQueue: WebhookQueue;
  webhookTransport: WebhookTransport;
  /** Which endpoint URLs are accepted: HTTPS only in AWS; http://localhost too locally. */
  webhookUrlPolicy: UrlPolicy;
  documents: DocumentStore;
  /** The documents bucket (S3 in AWS, document-files.ts; a stand-in locally). */
  files: FileStore;
  malwareScanner: MalwareScanner;
  auditLog: AuditLog;
  idempotency: IdempotencyStore;
  imports: ImportStore;
  bulk: BulkRecords;
  importFiles: ImportFiles;
  importRunner: ImportRunner;
  connections: ConnectionStore;
  /** The accounting systems this deployment can connect to (connectors.ts), by provider. */
  connectors: AccountingConnectors;
  /** Seals connections' OAuth tokens (KMS data keys in AWS, a local key file locally). */
  tokenCipher: TokenCipher;
  /** Runs a connection's sync now or later (SQS in AWS; in process locally). */
  syncRunner: SyncRunner;
}

export interface ServiceSettings {
  tableName: string;
  dynamoDbEndpoint?: string;
  clock?: Clock;
  onDynamoDbCall?: (commandName: string, input: unknown) => void;
  /** Step Functions in AWS (from STATE_MACHINE_ARN); the local runtime brings its interpreter. */
  workflow?: WorkflowEngine;
  /** SQS in AWS (from OUTBOX_QUEUE_URL); the local runtime brings its outbox. */
  messages?: MessageDelivery;
  /** SES, End User Messaging and the letters bucket in AWS (channel-senders.ts); stand-ins locally. */
  senders?: ChannelSenders;
  /** Stripe in AWS (payment-provider.ts); a local stand-in locally. */
  payments?: PaymentProvider;
  /** Creditsafe in AWS (credit-bureau.ts); a local stand-in locally. */
  creditBureau?: CreditBureau;
  /** KMS and Cognito in AWS (portal-access.ts); local stand-ins locally. */
  portalAccess?: { linkSigner: LinkSigner; portalUsers: PortalUsers };
  /** The web apps' origin (WEB_URL in AWS; the local server's URL locally, known once it listens). */
  webBaseUrl?: () => string;
  /** SQS FIFO in AWS (from JOBS_QUEUE_URL); the local runtime runs jobs in process. */
  jobs?: JobQueue;
  /** The documents bucket and its malware scan (document-files.ts); the local S3 stand-in locally. */
  documentFiles?: DocumentFiles;
  /** S3 in AWS (import-files.ts); the local S3 stand-in locally. */
  importFiles?: ImportFiles;
  /** SQS in AWS (from IMPORTS_QUEUE_URL); the local runtime runs imports in process. */
  importRunner?: ImportRunner;
  /** The accounting connectors and the token cipher (connectors.ts); local stand-ins locally. */
  accounting?: AccountingAccess;
  /** SQS in AWS (from CONNECTOR_SYNC_QUEUE_URL); the local runtime syncs in process. */
  syncRunner?: SyncRunner;
  /** SQS in AWS (from WEBHOOK_QUEUE_URL); the local runtime brings its own queue. */
  webhookQueue?: WebhookQueue;
  /** Node's fetch everywhere; tests may observe it. */
  webhookTransport?: WebhookTransport;
  /** `https_only` unless the local runtime says otherwise. */
  webhookUrlPolicy?: UrlPolicy;
}

/** A function deployed without the workflow or the outbox must fail loudly if it reaches for them. */
function unconfigured<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: () => () => Promise.reject(new Error(`${what} is not configured for this function`)),
  });
}

let channelSenderFactory: ((clock: Clock) => ChannelSenders) | undefined;

/**
 * The sender function brings its channel senders (and their SDKs) itself, so no other bundle
 * carries them; every other function fails loudly if it reaches for one.
 */
export function provideChannelSenders(factory: (clock: Clock) => ChannelSenders): void {
  channelSenderFactory = factory;
}

let importFilesFactory: ((clock: Clock) => ImportFiles) | undefined;

/** The import functions bring S3 and its URL presigner themselves. */
export function provideImportFiles(factory: (clock: Clock) => ImportFiles): void {
  importFilesFactory = factory;
}

type AccountingAccess = { connectors: AccountingConnectors; tokenCipher: TokenCipher };
let accountingFactory: (() => AccountingAccess) | undefined;

/** The connection functions bring the connectors' settings and KMS themselves. */
export function provideAccountingConnectors(factory: () => AccountingAccess): void {
  accountingFactory = factory;
}

let paymentProviderFactory: (() => PaymentProvider) | undefined;
let portalAccessFactory: (() => { linkSigner: LinkSigner; portalUsers: PortalUsers }) | undefined;

/** The functions that issue or check portal links bring KMS and Cognito themselves. */
export function providePortalAccess(
  factory: () => { linkSigner: LinkSigner; portalUsers: PortalUsers },
): void {
  portalAccessFactory = factory;
}

type DocumentFiles = { files: FileStore; malwareScanner: MalwareScanner };
let documentFilesFactory: ((clock: Clock) => DocumentFiles) | undefined;

/** The functions that sign uploads and downloads or check stored files bring the S3 client themselves. */
export function provideDocumentFiles(factory: (clock: Clock) => DocumentFiles): void {
  documentFilesFactory = factory;
}

let creditBureauFactory: ((clock: Clock) => CreditBureau) | undefined;

/** The functions that order credit reports bring the bureau (and read its credentials) themselves. */
export function provideCreditBureau(factory: (clock: Clock) => CreditBureau): void {
  creditBureauFactory = factory;
}

/** The checkout and webhook functions bring the payment provider (and the Stripe client) themselves. */
export function providePaymentProvider(factory: () => PaymentProvider): void {
  paymentProviderFactory = factory;
}

function noChannelSenders(): ChannelSenders {
  const none = (channel: DeliveryChannel) => ({
    send: () => Promise.reject(new Error(`No ${channel} sender is configured for this function`)),
  });
  return { email: none('email'), sms: none('sms'), voice: none('voice'), letter: none('letter') };
}

function workflowFromEnvironment(): WorkflowEngine {
  const arn = process.env.STATE_MACHINE_ARN;
  if (!arn) return unconfigured<WorkflowEngine>('The collection workflow (STATE_MACHINE_ARN)');
  return new SfnWorkflowEngine(tracer.captureAWSv3Client(new SFNClient({})), arn);
}

function messagesFromEnvironment(): MessageDelivery {
  const url = process.env.OUTBOX_QUEUE_URL;
  if (!url) return unconfigured<MessageDelivery>('The outbox queue (OUTBOX_QUEUE_URL)');
  return new SqsMessageDelivery(tracer.captureAWSv3Client(new SQSClient({})), url);
}

function importRunnerFromEnvironment(): ImportRunner {
  const url = process.env.IMPORTS_QUEUE_URL;
  if (!url) return unconfigured<ImportRunner>('The imports queue (IMPORTS_QUEUE_URL)');
  return new SqsImportRunner(tracer.captureAWSv3Client(new SQSClient({})), url);
}

function webhookQueueFromEnvironment(): WebhookQueue {
  const url = process.env.WEBHOOK_QUEUE_URL;
  if (!url) return unconfigured<WebhookQueue>('The webhook queue (WEBHOOK_QUEUE_URL)');
  return new SqsWebhookQueue(tracer.captureAWSv3Client(new SQSClient({})), url);
}

function syncRunnerFromEnvironment(): SyncRunner {
  const url = process.env.CONNECTOR_SYNC_QUEUE_URL;
  if (!url) return unconfigured<SyncRunner>('The connector sync queue (CONNECTOR_SYNC_QUEUE_URL)');
  return new SqsSyncRunner(tracer.captureAWSv3Client(new SQSClient({})), url);
}

function jobsFromEnvironment(): JobQueue {
  const url = process.env.JOBS_QUEUE_URL;
  if (!url) return unconfigured<JobQueue>('The tenant-day jobs queue (JOBS_QUEUE_URL)');
  return new SqsJobQueue(tracer.captureAWSv3Client(new SQSClient({})), url);
}

export function createServices(settings: ServiceSettings): Services {
  const clock = settings.clock ?? systemClock;
  const client: DynamoDBDocumentClient = createDocumentClient({
    tableName: settings.tableName,
    endpoint: settings.dynamoDbEndpoint,
    onCall: settings.onDynamoDbCall,
    // One X-Ray subsegment per DynamoDB call; a no-op where tracing is off (locally).
    instrument: (dynamoDb) => tracer.captureAWSv3Client(dynamoDb),
  });
  const table = settings.tableName;
  const settingsStore = new DynamoDbSettingsStore(client, table, clock);
  const timeZoneOf = async (tenantId: string) => (await settingsStore.get(tenantId)).timezone;
  return {
    clock,
    ids: ulidGenerator(clock),
    debtors: new DynamoDbDebtorStore(client, table, clock),
    merges: new DynamoDbMergeStore(client, table, clock),
    invoices: new DynamoDbInvoiceStore(client, table, clock),
    ledger: new DynamoDbLedgerStore(client, table, clock, timeZoneOf),
    facts: new DynamoDbLedgerFactsReader(client, table),
    exchangeRates: new DynamoDbExchangeRateStore(client, table, clock),
    approvals: new DynamoDbApprovalStore(client, table, clock),
    settings: settingsStore,
    policies: new DynamoDbPolicyStore(client, table, clock),
    contacts: new DynamoDbContactStore(client, table, clock, timeZoneOf),
    cases: new DynamoDbCaseStore(client, table, clock),
    workflow: settings.workflow ?? workflowFromEnvironment(),
    messages: settings.messages ?? messagesFromEnvironment(),
    deliveryLog: new DynamoDbDeliveryLog(client, table),
    senders: settings.senders ?? channelSenderFactory?.(clock) ?? noChannelSenders(),
    payments:
      settings.payments ?? paymentProviderFactory?.() ?? unconfigured<PaymentProvider>('Card payments'),
    creditBureau:
      settings.creditBureau ??
      creditBureauFactory?.(clock) ??
      unconfigured<CreditBureau>('The credit bureau (CREDIT_BUREAU_SECRET_ARN)'),
    creditReports: new DynamoDbCreditReportStore(client, table, clock),
    webBaseUrl:
      settings.webBaseUrl ??
      (() => {
        const url = process.env.WEB_URL;
        if (!url) throw new Error('WEB_URL is not set for this function');
        return url;
      }),
    ...(settings.portalAccess ??
      portalAccessFactory?.() ?? {
        linkSigner: unconfigured<LinkSigner>('Portal links (PORTAL_LINK_KEY_ID)'),
        portalUsers: unconfigured<PortalUsers>('Portal users (USER_POOL_ID)'),
      }),
    notifications: new DynamoDbNotificationStore(client, table),
    schedules: new DynamoDbScheduleStore(client, table),
    jobs: settings.jobs ?? jobsFromEnvironment(),
    worklists: new DynamoDbWorklistStore(client, table),
    receivableDays: new DynamoDbReceivableDayStore(client, table),
    rollups: new DynamoDbRollupStore(client, table),
    alertRules: new DynamoDbAlertRuleStore(client, table, clock),
    forecasts: new DynamoDbForecastStore(client, table),
    templates: new DynamoDbTemplateStore(client, table, clock),
    webhooks: new DynamoDbWebhookStore(client, table, clock),
    webhookQueue: settings.webhookQueue ?? webhookQueueFromEnvironment(),
    webhookTransport: settings.webhookTransport ?? fetchWebhookTransport,
    webhookUrlPolicy: settings.webhookUrlPolicy ?? 'https_only',
    documents: new DynamoDbDocumentStore(client, table, clock),
    ...(settings.documentFiles ??
      documentFilesFactory?.(clock) ?? {
        files: unconfigured<FileStore>('The documents bucket (DOCUMENTS_BUCKET)'),
        malwareScanner: unconfigured<MalwareScanner>('The malware scan of documents'),
      }),
    auditLog: new DynamoDbAuditLog(client, table),
    idempotency: new DynamoDbIdempotencyStore(client, table),
    imports: new DynamoDbImportStore(client, table, clock),
    bulk: new DynamoDbBulkRecords(client, table, clock),
    importFiles:
      settings.importFiles ??
      importFilesFactory?.(clock) ??
      unconfigured<ImportFiles>('Import files (IMPORTS_BUCKET)'),
    importRunner: settings.importRunner ?? importRunnerFromEnvironment(),
    connections: new DynamoDbConnectionStore(client, table, clock),
    ...(settings.accounting ??
      accountingFactory?.() ?? {
        connectors: {},
        tokenCipher: unconfigured<TokenCipher>('The connection token key (CONNECTOR_TOKEN_KEY_ID)'),
      }),
    syncRunner: settings.syncRunner ?? syncRunnerFromEnvironment(),
  };
}

let current: Services | undefined;

export function services(): Services {
  if (!current) {
    const tableName = process.env.TABLE_NAME;
    if (!tableName) throw new Error('TABLE_NAME is not set');
    current = createServices({ tableName, dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT });
  }
  return current;
}

/** Used by the local runtime and tests to run the same handlers on their own wiring. */
export function useServices(next: Services): void {
  current = next;
}

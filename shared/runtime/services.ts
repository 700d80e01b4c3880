/**
 * The composition root: the whole graph, for the local runtime and tests, which configure it with
 * their own clock, DynamoDB endpoint and stand-ins. A deployed function wires only what it needs
 * (wire-services.ts), from the same factories; useServices hands it this graph instead.
 */
import type { AccountingConnectors } from '../ports/accounting-connector';
import type { AlertRuleStore } from '../ports/alert-rule-store';
import type { ApprovalStore } from '../ports/approval-store';
import type { AuditLog } from '../ports/audit-log';
import type { BulkRecords } from '../ports/bulk-records';
import type { CaseStore } from '../ports/case-store';
import type { ChannelSenders } from '../ports/channel-sender';
import type { Clock } from '../ports/clock';
import type { ConnectionStore } from '../ports/connection-store';
import type { ContactStore } from '../ports/contact-store';
import type { CreditBureau } from '../ports/credit-bureau';
import type { CreditReportStore } from '../ports/credit-report-store';
import type { DebtorStore } from '../ports/debtor-store';
import type { DeliveryLog } from '../ports/delivery-log';
import type { DocumentStore } from '../ports/document-store';
import type { ExchangeRateStore } from '../ports/exchange-rate-store';
import type { FileStore } from '../ports/file-store';
import type { ForecastStore } from '../ports/forecast-store';
import type { IdGenerator } from '../ports/id-generator';
import type { IdempotencyStore } from '../ports/idempotency-store';
import type { ImportFiles } from '../ports/import-files';
import type { ImportRunner } from '../ports/import-runner';
import type { ImportStore } from '../ports/import-store';
import type { InvoiceStore } from '../ports/invoice-store';
import type { JobQueue } from '../ports/job-queue';
import type { LedgerFactsReader } from '../ports/ledger-facts-reader';
import type { LedgerStore } from '../ports/ledger-store';
import type { LinkSigner } from '../ports/link-signer';
import type { MalwareScanner } from '../ports/malware-scanner';
import type { MergeStore } from '../ports/merge-store';
import type { MessageDelivery } from '../ports/message-delivery';
import type { NotificationStore } from '../ports/notification-store';
import type { PaymentProvider } from '../ports/payment-provider';
import type { PolicyStore } from '../ports/policy-store';
import type { PortalUsers } from '../ports/portal-users';
import type { ReceivableDayStore } from '../ports/receivable-day-store';
import type { RollupStore } from '../ports/rollup-store';
import type { ScheduleStore } from '../ports/schedule-store';
import type { SettingsStore } from '../ports/settings-store';
import type { SyncRunner } from '../ports/sync-runner';
import type { TemplateStore } from '../ports/template-store';
import type { TokenCipher } from '../ports/token-cipher';
import type { WebhookQueue } from '../ports/webhook-queue';
import type { WebhookStore } from '../ports/webhook-store';
import type { WebhookTransport } from '../ports/webhook-transport';
import type { WorkflowEngine } from '../ports/workflow-engine';
import type { WorklistStore } from '../ports/worklist-store';
import type { UrlPolicy } from '../domain/webhooks/webhook-endpoint';
import { systemClock } from '../adapters/system/system-clock';
import { ulidGenerator } from '../adapters/system/ulid-generator';
import type { DocumentFiles } from './document-files';
import { alertRules } from './factories/alert-rules';
import { approvals } from './factories/approvals';
import { auditLog } from './factories/audit-log';
import { bulk } from './factories/bulk';
import { cases } from './factories/cases';
import { connections } from './factories/connections';
import { contacts } from './factories/contacts';
import { creditReports } from './factories/credit-reports';
import { debtors } from './factories/debtors';
import { deliveryLog } from './factories/delivery-log';
import { documents } from './factories/documents';
import { exchangeRates } from './factories/exchange-rates';
import { facts } from './factories/facts';
import { forecasts } from './factories/forecasts';
import { idempotency } from './factories/idempotency';
import { importRunner } from './factories/import-runner';
import { imports } from './factories/imports';
import { invoices } from './factories/invoices';
import { jobs } from './factories/jobs';
import { ledger } from './factories/ledger';
import { merges } from './factories/merges';
import { messages } from './factories/messages';
import { notifications } from './factories/notifications';
import { policies } from './factories/policies';
import { receivableDays } from './factories/receivable-days';
import { rollups } from './factories/rollups';
import { schedules } from './factories/schedules';
import { settings as settingsStore } from './factories/settings';
import { syncRunner } from './factories/sync-runner';
import { templates } from './factories/templates';
import {
  noConnectors,
  noCreditBureau,
  noFiles,
  noImportFiles,
  noLinkSigner,
  noMalwareScanner,
  noPayments,
  noPortalUsers,
  noSenders,
  noTokenCipher,
} from './factories/unconfigured-services';
import { webBaseUrl } from './factories/web-base-url';
import { webhookQueue } from './factories/webhook-queue';
import { webhookTransport } from './factories/webhook-transport';
import { webhookUrlPolicy } from './factories/webhook-url-policy';
import { webhooks } from './factories/webhooks';
import { workflow } from './factories/workflow';
import { worklists } from './factories/worklists';
import { wiringContext } from './wire-services';

export { useServices } from './injected-services';

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

type AccountingAccess = { connectors: AccountingConnectors; tokenCipher: TokenCipher };

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

export function createServices(settings: ServiceSettings): Services {
  const clock = settings.clock ?? systemClock;
  const context = wiringContext({ ...settings, clock });
  return {
    clock,
    ids: ulidGenerator(clock),
    debtors: debtors(context),
    merges: merges(context),
    invoices: invoices(context),
    ledger: ledger(context),
    facts: facts(context),
    exchangeRates: exchangeRates(context),
    approvals: approvals(context),
    settings: settingsStore(context),
    policies: policies(context),
    contacts: contacts(context),
    cases: cases(context),
    workflow: settings.workflow ?? workflow(context),
    messages: settings.messages ?? messages(context),
    deliveryLog: deliveryLog(context),
    senders: settings.senders ?? noSenders(context),
    payments: settings.payments ?? noPayments(context),
    creditBureau: settings.creditBureau ?? noCreditBureau(context),
    creditReports: creditReports(context),
    webBaseUrl: settings.webBaseUrl ?? webBaseUrl(context),
    linkSigner: settings.portalAccess?.linkSigner ?? noLinkSigner(context),
    portalUsers: settings.portalAccess?.portalUsers ?? noPortalUsers(context),
    notifications: notifications(context),
    schedules: schedules(context),
    jobs: settings.jobs ?? jobs(context),
    worklists: worklists(context),
    receivableDays: receivableDays(context),
    rollups: rollups(context),
    alertRules: alertRules(context),
    forecasts: forecasts(context),
    templates: templates(context),
    webhooks: webhooks(context),
    webhookQueue: settings.webhookQueue ?? webhookQueue(context),
    webhookTransport: settings.webhookTransport ?? webhookTransport(context),
    webhookUrlPolicy: settings.webhookUrlPolicy ?? webhookUrlPolicy(context),
    documents: documents(context),
    files: settings.documentFiles?.files ?? noFiles(context),
    malwareScanner: settings.documentFiles?.malwareScanner ?? noMalwareScanner(context),
    auditLog: auditLog(context),
    idempotency: idempotency(context),
    imports: imports(context),
    bulk: bulk(context),
    importFiles: settings.importFiles ?? noImportFiles(context),
    importRunner: settings.importRunner ?? importRunner(context),
    connections: connections(context),
    connectors: settings.accounting?.connectors ?? noConnectors(context),
    tokenCipher: settings.accounting?.tokenCipher ?? noTokenCipher(context),
    syncRunner: settings.syncRunner ?? syncRunner(context),
  };
}

/**
 * The whole system on one machine: DynamoDB Local (persisted under the data folder), the table
 * from the shared design, the same handlers behind a local HTTP server, a local token issuer,
 * the controllable clock and the outbox.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiRoutes } from '../shared/http/routes';
import { createServices, useServices, type Services } from '../shared/runtime/services';
import { LocalTokenIssuer } from './auth/local-token-issuer';
import { LocalClock } from './clock/local-clock';
import { ensureTable } from './dynamodb-local/ensure-table';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local/process';
import { LocalOutbox } from './outbox/local-outbox';
import { LocalMessageDelivery } from './outbox/local-message-delivery';
import { LocalScheduler } from './schedules/local-scheduler';
import { LocalImportRunner } from './imports/local-import-runner';
import { s3ImportFiles } from '../shared/runtime/import-files';
import { DOCUMENTS_BUCKET, startLocalChannels, type LocalChannels } from './providers/local-channels';
import { LOCAL_S3_CREDENTIALS } from './providers/local-providers';
import { createDocumentFiles } from '../shared/runtime/document-files';
import { LocalStripe, LOCAL_STRIPE_SECRET_KEY, LOCAL_STRIPE_WEBHOOK_SECRET } from './providers/local-stripe';
import { StripePayments } from '../shared/adapters/stripe/stripe-payments';
import { CreditsafeBureau } from '../shared/adapters/creditsafe/creditsafe-bureau';
import {
  LocalCreditBureau,
  LOCAL_CREDITSAFE_PASSWORD,
  LOCAL_CREDITSAFE_USERNAME,
} from './providers/local-credit-bureau';
import { LocalLinkSigner } from './auth/local-link-signer';
import { LocalPortalUsers } from './auth/local-portal-users';
import { LocalCognito, LOCAL_CLIENT_ID } from './auth/local-cognito';
import { LocalHostedUi, LOCAL_CONSOLE_CLIENT_ID } from './auth/local-hosted-ui';
import { LocalStepFunctions } from './workflows/local-step-functions';
import { workflowDefinition } from './workflows/workflow-definition-cache';
import { DevRoutes } from './server/dev-routes';
import { LocalWebhookQueue } from './webhooks/local-webhooks';
import { createLocalServer } from './server/http-server';
import {
  LocalQuickBooks,
  LOCAL_QUICKBOOKS_CLIENT_ID,
  LOCAL_QUICKBOOKS_CLIENT_SECRET,
} from './providers/local-quickbooks';
import { LocalSyncRunner } from './connectors/local-sync-runner';
import { LocalXero, LOCAL_XERO_CLIENT_ID, LOCAL_XERO_CLIENT_SECRET } from './providers/local-xero';
import { XeroConnector } from '../shared/adapters/xero/xero-connector';
import { LocalDataKeys } from './auth/local-data-keys';
import { EnvelopeCipher } from '../shared/adapters/crypto/envelope-cipher';
import { QuickBooksConnector } from '../shared/adapters/quickbooks/quickbooks-connector';
import type { AccountingConnectors } from '../shared/ports/accounting-connector';
import type { RetryPolicy } from '../shared/adapters/connectors/rate-limited-fetch';

export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export interface LocalRuntimeOptions {
  port?: number;
  host?: string;
  /** Persisted state (database, clock, signing key, outbox); omitted = in memory. */
  dataDir?: string;
  /** Use an already running DynamoDB (tests share one); otherwise one is started. */
  dynamoDbEndpoint?: string;
  tableName?: string;
  /** Observes every DynamoDB call the handlers make (benchmarks). */
  onDynamoDbCall?: (commandName: string, input: unknown) => void;
  /** Records per page the connectors ask for (tests make it small to see paging). */
  connectorPageSize?: number;
  /** How connectors wait out rate limits (tests shorten the waits). */
  connectorRetry?: RetryPolicy;
}

/** The local stand-in bucket of uploaded import files. */
const IMPORTS_BUCKET = 'recoup-imports';

export interface LocalRuntime {
  url: string;
  port: number;
  clock: LocalClock;
  issuer: LocalTokenIssuer;
  outbox: LocalOutbox;
  workflows: LocalStepFunctions;
  channels: LocalChannels;
  /** The Creditsafe stand-in (tests make it rate-limit, count reports ordered). */
  creditBureau: LocalCreditBureau;
  /** The webhook delivery queue (its dead letters, for tests). */
  webhooks: LocalWebhookQueue;
  services: Services;
  /** The in-process import worker: `idle()` waits for running imports. */
  imports: LocalImportRunner;
  /** The QuickBooks Online stand-in (its companies' records, throttling, token expiry). */
  quickbooks: LocalQuickBooks;
  /** The Xero stand-in (its organisations' records, throttling, token expiry). */
  xero: LocalXero;
  /** The in-process connector sync worker: `idle()` waits for running syncs. */
  syncs: LocalSyncRunner;
  /** Where the data lives (benchmarks seed it directly). */
  dynamoDb: { endpoint: string; tableName: string };
  stop(): Promise<void>;
}

export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const dataDir = options.dataDir;
  let database: DynamoDbLocal | undefined;
  let endpoint = options.dynamoDbEndpoint;
  if (!endpoint) {
    database = await startDynamoDbLocal({ dataDir: dataDir && join(dataDir, 'dynamodb') });
    endpoint = database.endpoint;
  }
  const tableName = options.tableName ?? 'recoup';
  await ensureTable(endpoint, tableName);

  const clock = new LocalClock(dataDir && join(dataDir, 'clock.json'));
  const outbox = new LocalOutbox(dataDir && join(dataDir, 'outbox.jsonl'));
  const workflows = new LocalStepFunctions(
    await workflowDefinition(projectRoot),
    clock,
    projectRoot,
    dataDir && join(dataDir, 'executions.json'),
  );
  const channels = await startLocalChannels({
    clock,
    outbox,
    ...(dataDir
      ? { queueFile: join(dataDir, 'outbox-queue.json'), lettersDir: join(dataDir, 'objects') }
      : {}),
  });
  const webhooks = new LocalWebhookQueue(clock, dataDir && join(dataDir, 'webhook-queue.json'));
  let relayWebhooks = async () => {};
  // Quiet means no execution mid-flight and no provider report unhandled: a report can wake a
  // case (a bounce), and a case can send again. Then the webhook events of all that are relayed
  // (the table's stream does it in AWS).
  const settled = async () => {
    do await workflows.settled();
    while (await channels.providers.settled());
    await relayWebhooks();
  };
  clock.settleWith(settled);
  let webBaseUrl = 'http://localhost';
  const linkSigner = new LocalLinkSigner(dataDir && join(dataDir, 'portal-link-key'));
  const portalUsers = new LocalPortalUsers(dataDir && join(dataDir, 'portal-users.json'));
  const stripe = new LocalStripe(clock);
  const stripePort = await stripe.start();
  const creditBureau = new LocalCreditBureau(clock);
  await creditBureau.start();
  const scheduler = new LocalScheduler(settled);
  const imports = new LocalImportRunner(dataDir && join(dataDir, 'imports-under-way.json'));
  const quickbooks = new LocalQuickBooks(clock);
  await quickbooks.start();
  const xero = new LocalXero(clock);
  await xero.start();
  const syncs = new LocalSyncRunner();
  // Filled once the server listens: the OAuth redirect URI is the API's own callback route.
  const connectors: AccountingConnectors = {};
  const services = createServices({
    tableName,
    dynamoDbEndpoint: endpoint,
    clock,
    onDynamoDbCall: options.onDynamoDbCall,
    workflow: workflows,
    messages: new LocalMessageDelivery(channels.queue),
    senders: channels.senders,
    portalAccess: { linkSigner, portalUsers },
    webBaseUrl: () => webBaseUrl,
    payments: new StripePayments({
      secretKey: LOCAL_STRIPE_SECRET_KEY,
      webhookSecret: LOCAL_STRIPE_WEBHOOK_SECRET,
      endpoint: { host: '127.0.0.1', port: stripePort, protocol: 'http' },
    }),
    creditBureau: new CreditsafeBureau(
      {
        baseUrl: creditBureau.baseUrl,
        username: LOCAL_CREDITSAFE_USERNAME,
        password: LOCAL_CREDITSAFE_PASSWORD,
      },
      clock,
    ),
    jobs: scheduler,
    documentFiles: createDocumentFiles(
      {
        bucket: DOCUMENTS_BUCKET,
        endpoint: channels.providers.endpoint,
        credentials: LOCAL_S3_CREDENTIALS,
        region: 'us-east-1',
      },
      clock,
    ),
    importRunner: imports,
    importFiles: s3ImportFiles(
      {
        bucket: IMPORTS_BUCKET,
        endpoint: channels.providers.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      },
      clock,
    ),
    webhookQueue: webhooks,
    webhookUrlPolicy: 'https_or_local_http',
    accounting: {
      connectors,
      tokenCipher: new EnvelopeCipher(new LocalDataKeys(dataDir && join(dataDir, 'connector-token-key'))),
    },
    syncRunner: syncs,
  });
  syncs.use(services);
  imports.use(services);
  useServices(services);
  webhooks.connect();
  relayWebhooks = () => webhooks.relay(services);
  channels.connect(services.deliveryLog);
  scheduler.use(services);
  clock.addTimerSource(scheduler);
  clock.addTimerSource(channels.queue);
  clock.addTimerSource(webhooks.queue);
  imports.resume();
  await workflows.resume();
  const issuer = await LocalTokenIssuer.create(dataDir && join(dataDir, 'local-signing-key.json'), () =>
    clock.now(),
  );
  const server = createLocalServer({
    projectRoot,
    routes: apiRoutes,
    issuer,
    clock,
    devRoutes: new DevRoutes(issuer, clock, outbox, workflows, channels.providers, creditBureau),
    cognito: new LocalCognito(portalUsers, issuer, linkSigner, clock),
    hostedUi: new LocalHostedUi(issuer, clock),
    // What the deployed bundle finds in config.json: where to sign in (here: the local stand-ins).
    webConfig: (origin) => ({
      cognito: { endpoint: `${origin}/dev/cognito-idp`, clientId: LOCAL_CLIENT_ID },
      console: {
        authorizeUrl: `${origin}/dev/oauth2/authorize`,
        tokenUrl: `${origin}/dev/oauth2/token`,
        clientId: LOCAL_CONSOLE_CLIENT_ID,
      },
    }),
    // Locally a request answers once what it set off has settled, so what it changed is visible.
    afterRequest: settled,
  });
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const port = (server.address() as AddressInfo).port;
  stripe.webhookUrl = `http://127.0.0.1:${port}/v1/webhooks/stripe`;
  connectors.quickbooks = new QuickBooksConnector({
    clientId: LOCAL_QUICKBOOKS_CLIENT_ID,
    clientSecret: LOCAL_QUICKBOOKS_CLIENT_SECRET,
    redirectUri: `http://localhost:${port}/v1/connections/callback`,
    authorizeEndpoint: `${quickbooks.url}/connect/oauth2`,
    tokenEndpoint: `${quickbooks.url}/oauth2/v1/tokens/bearer`,
    revocationEndpoint: `${quickbooks.url}/v2/oauth2/tokens/revoke`,
    apiBaseUrl: quickbooks.url,
    ...(options.connectorPageSize ? { pageSize: options.connectorPageSize } : {}),
    ...(options.connectorRetry ? { retry: options.connectorRetry } : {}),
  });
  connectors.xero = new XeroConnector({
    clientId: LOCAL_XERO_CLIENT_ID,
    clientSecret: LOCAL_XERO_CLIENT_SECRET,
    redirectUri: `http://localhost:${port}/v1/connections/callback`,
    authorizeEndpoint: `${xero.url}/identity/connect/authorize`,
    tokenEndpoint: `${xero.url}/connect/token`,
    apiBaseUrl: xero.url,
    ...(options.connectorPageSize ? { pageSize: options.connectorPageSize } : {}),
    ...(options.connectorRetry ? { retry: options.connectorRetry } : {}),
  });
  webBaseUrl = `http://localhost:${port}`;
  return {
    url: `http://localhost:${port}`,
    port,
    clock,
    issuer,
    outbox,
    workflows,
    channels,
    creditBureau,
    webhooks,
    services,
    imports,
    quickbooks,
    xero,
    syncs,
    dynamoDb: { endpoint, tableName },
    stop: async () => {
      await imports.idle();
      await syncs.idle();
      await quickbooks.stop();
      await xero.stop();
      workflows.stop();
      await channels.providers.stop();
      await stripe.stop();
      await creditBureau.stop();
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await database?.stop();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
}

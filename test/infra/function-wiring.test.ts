/**
 * The tests run every handler on the local runtime's full graph, so they cannot see a Lambda whose
 * wiring reaches for a service its function is not configured for (an unset queue URL or state
 * machine ARN fails only in AWS). This reads the factories each handler wires from its source and
 * checks the synthesized function's environment carries what those factories read, and its role
 * allows at least one of the calls each makes.
 */
import { readFileSync } from 'node:fs';
import { Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { RecoupFunction } from '../../infra/constructs/recoup-function';
import { fromProjectRoot } from '../../infra/paths';
import { synthesize } from './synth';

/** What each factory in shared/runtime/factories reads from the environment. */
const NEEDS: Record<string, string[]> = {
  workflow: ['STATE_MACHINE_ARN'],
  messages: ['OUTBOX_QUEUE_URL'],
  jobs: ['JOBS_QUEUE_URL'],
  'webhook-queue': ['WEBHOOK_QUEUE_URL'],
  'import-runner': ['IMPORTS_QUEUE_URL'],
  'import-files': ['IMPORTS_BUCKET'],
  'sync-runner': ['CONNECTOR_SYNC_QUEUE_URL'],
  connectors: ['CONNECTOR_SECRET_ARN'],
  'token-cipher': ['CONNECTOR_TOKEN_KEY_ID'],
  files: ['DOCUMENTS_BUCKET'],
  'malware-scanner': ['DOCUMENTS_BUCKET'],
  payments: ['STRIPE_SECRET_ARN'],
  'credit-bureau': ['CREDIT_BUREAU_SECRET_ARN'],
  'link-signer': ['PORTAL_LINK_KEY_ID'],
  'portal-users': ['USER_POOL_ID'],
  'web-base-url': ['WEB_URL'],
  senders: ['LETTERS_BUCKET', 'EMAIL_FROM'],
};

interface Wiring {
  entry: string;
  factories: string[];
  environment: string[];
  /** The IAM actions of the function's role. */
  actions: string[];
}

let wirings: Wiring[];

beforeAll(() => {
  const { app } = synthesize({ stage: 'dev' });
  wirings = app.node
    .findAll()
    .filter((construct): construct is RecoupFunction => construct instanceof RecoupFunction)
    .map((fn) => {
      const source = readFileSync(fromProjectRoot(fn.entry), 'utf8');
      const factories = [...source.matchAll(/runtime\/factories\/([a-z-]+)'/g)].map((match) => match[1]!);
      const stack = Stack.of(fn);
      const cfn = fn.function.node.defaultChild as CfnFunction;
      const environment = stack.resolve(cfn.environment) as { variables?: Record<string, unknown> };
      const policy = fn.role.node.tryFindChild('DefaultPolicy') as { document?: unknown } | undefined;
      const document = policy?.document ? (stack.resolve(policy.document) as { Statement?: unknown[] }) : {};
      const actions = (document.Statement ?? []).flatMap((statement) =>
        [(statement as { Action: string | string[] }).Action].flat(),
      );
      return { entry: fn.entry, factories, environment: Object.keys(environment?.variables ?? {}), actions };
    });
});

it('finds the wiring of every function', () => {
  expect(wirings.length).toBeGreaterThan(100);
  expect(wirings.filter((wiring) => wiring.factories.length > 0).length).toBeGreaterThan(100);
});

it('gives every function the environment its wired services read', () => {
  const missing = wirings.flatMap(({ entry, factories, environment }) =>
    [...new Set(factories.flatMap((factory) => NEEDS[factory] ?? []))]
      .filter((variable) => !environment.includes(variable))
      .map((variable) => `${entry}: ${variable}`),
  );
  expect(missing).toEqual([]);
});

it('gives every function that wires a service the table', () => {
  const missing = wirings
    .filter(({ factories, environment }) => factories.length > 0 && !environment.includes('TABLE_NAME'))
    .map(({ entry }) => entry);
  expect(missing).toEqual([]);
});

/** An IAM action each factory's adapter needs at least (one of those listed). */
const ACTIONS: Record<string, RegExp> = {
  workflow: /^states:(StartExecution|SendTaskSuccess|SendTaskFailure)$/,
  messages: /^sqs:SendMessage$/,
  jobs: /^sqs:SendMessage$/,
  'webhook-queue': /^sqs:SendMessage$/,
  'import-runner': /^sqs:SendMessage$/,
  'sync-runner': /^sqs:SendMessage$/,
  connectors: /^secretsmanager:GetSecretValue$/,
  'token-cipher': /^kms:(Decrypt|GenerateDataKey)$/,
  payments: /^secretsmanager:GetSecretValue$/,
  'credit-bureau': /^secretsmanager:GetSecretValue$/,
  'link-signer': /^kms:(GenerateMac|VerifyMac)$/,
  'portal-users': /^cognito-idp:/,
  senders: /^ses:SendEmail$/,
  'import-files': /^s3:(GetObject|PutObject)/,
  files: /^s3:(GetObject|PutObject)/,
};

it('lets every function do what its wired services do', () => {
  const missing = wirings.flatMap(({ entry, factories, actions }) =>
    factories
      .filter((factory) => ACTIONS[factory] && !actions.some((action) => ACTIONS[factory]!.test(action)))
      .map((factory) => `${entry}: ${factory}`),
  );
  expect(missing).toEqual([]);
});

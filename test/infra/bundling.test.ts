/**
 * Bundles two real functions exactly as deployed (esbuild, ESM, minified, createRequire banner,
 * AWS SDK and Powertools external) and runs each bundle in a fresh Node process: proof that the ESM output loads
 * — CommonJS dependencies included — and that the handlers answer. The bundles are written under
 * cdk.out so the external `@aws-sdk/*` and Powertools imports resolve from node_modules as the runtime's would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Observability } from '../../infra/constructs/observability';
import { RecoupFunction } from '../../infra/constructs/recoup-function';
import { ESM_REQUIRE_BANNER } from '../../infra/lambda-bundling';
import { projectRoot } from '../../infra/paths';
import { stageConfigFrom } from '../../infra/stage';
import { health } from '../../shared/http/routes';

let bundles: Record<'trigger' | 'health', string>;
let outdir: string;

beforeAll(() => {
  process.env.CDK_VALIDATION = 'false';
  mkdirSync(join(projectRoot, 'cdk.out'), { recursive: true });
  outdir = mkdtempSync(join(projectRoot, 'cdk.out', 'bundling-test-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'BundlingTest');
  const stage = stageConfigFrom(() => undefined);
  const observability = new Observability(stack, 'Observability', { stage });
  const make = (id: string, entry: string) =>
    new RecoupFunction(stack, id, { entry, stage, observability }).function.node.defaultChild as unknown as {
      code: { s3Key: string };
    };
  const trigger = make('Trigger', 'functions/auth/pre-token-generation.ts');
  const healthFn = make('Health', health.handlerEntry);
  const assembly = app.synth();
  const assetDir = (cfn: { code: { s3Key: string } }) =>
    join(assembly.directory, `asset.${stack.resolve(cfn.code.s3Key).replace(/\.zip$/, '')}`, 'index.mjs');
  bundles = { trigger: assetDir(trigger), health: assetDir(healthFn) };
}, 60_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Imports a bundle in a child Node process and calls its handler with `event`. */
function invoke(bundle: string, event: unknown, env: Record<string, string> = {}): unknown {
  const script = `
    const { handler } = await import(${JSON.stringify(`file://${bundle}`)});
    const result = await handler(${JSON.stringify(event)}, { functionName: 'test', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 1000 });
    process.stdout.write(JSON.stringify(result));`;
  const out = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'eu-west-1',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      NODE_NO_WARNINGS: '1',
      ...env,
    },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

it('emits minified ESM with the require shim and an external source map', () => {
  for (const bundle of Object.values(bundles)) {
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);
    const code = readFileSync(bundle, 'utf8');
    expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
    expect(code).toMatch(/export\s*\{/);
    const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sourcesContent?: unknown };
    expect(map.sourcesContent).toBeUndefined();
  }
});

it('leaves Powertools and the X-Ray SDK to the layer: imported, not bundled', () => {
  const code = readFileSync(bundles.health, 'utf8');
  expect(code).toMatch(/from\s*"@aws-lambda-powertools\/logger"/);
  const map = JSON.parse(readFileSync(`${bundles.health}.map`, 'utf8')) as { sources: string[] };
  const bundled = map.sources.filter((source) => source.includes('node_modules/'));
  expect(bundled.length).toBeGreaterThan(0);
  expect(bundled.filter((source) => /powertools|xray|cls-hooked/.test(source))).toEqual([]);
});

it('the pre-token trigger bundle runs', () => {
  const event = {
    triggerSource: 'TokenGeneration_Authentication',
    request: {
      userAttributes: { sub: 'u', 'custom:tenant_id': 'acme' },
      groupConfiguration: { groupsToOverride: [] },
    },
    response: { claimsAndScopeOverrideDetails: null },
  };
  expect(invoke(bundles.trigger, event, { FEDERATED_TENANTS: '{}' })).toMatchObject({
    response: {
      claimsAndScopeOverrideDetails: {
        accessTokenGeneration: { claimsToAddOrOverride: { tenant_id: 'acme' } },
      },
    },
  });
});

it('an API bundle runs', () => {
  const event = {
    version: '2.0',
    routeKey: 'GET /health',
    rawPath: '/health',
    rawQueryString: '',
    headers: {},
    requestContext: { http: { method: 'GET', path: '/health' }, requestId: 'r-1', routeKey: 'GET /health' },
    isBase64Encoded: false,
  };
  expect(invoke(bundles.health, event)).toMatchObject({ statusCode: 200 });
});

/** `npm start`: serves the whole system locally and prints a ready-to-use admin token. */
import './support/quiet-node-notice';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const { resolve } = await import('node:path');
const { startLocalRuntime, projectRoot } = await import('./runtime');

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(projectRoot, process.env.RECOUP_DATA_DIR ?? '.data');
const runtime = await startLocalRuntime({
  port,
  dataDir,
  host: process.env.HOST ?? '127.0.0.1',
  // Several local runtimes can share one DynamoDB, like Lambda containers share a table.
  dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT,
  tableName: process.env.RECOUP_TABLE_NAME,
});
const { token } = await runtime.issuer.issue({ tenantId: 'demo', roles: ['admin'], sub: 'demo-admin' });

console.log(`Recoup is running at ${runtime.url}`);
console.log(`  data:    ${dataDir}`);
console.log(`  clock:   ${runtime.clock.now().toISOString()}`);
console.log(`  OpenAPI: ${runtime.url}/v1/openapi.json`);
console.log(`  Console: ${runtime.url}/console (sign in as any tenant, user and staff role)`);
console.log(`  Portal:  a link from POST /v1/debtors/{id}/portal-link, or a reminder in /dev/outbox`);
console.log(`Admin token for tenant "demo" (valid 12 h):`);
console.log(token);

const shutdown = async () => {
  await runtime.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

export {};

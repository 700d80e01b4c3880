/**
 * Payments against one debtor arriving through several separate processes sharing the table, as
 * Lambda containers do: only DynamoDB's conditional transactions keep the ledger exact here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../local/runtime';

interface Container {
  url: string;
  token: string;
  process: ChildProcess;
}

const table = `recoup-procs-${Date.now()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'recoup-procs-'));
let containers: Container[] = [];
const children: ChildProcess[] = [];

async function startContainer(name: string): Promise<Container> {
  // Node with the tsx loader directly (not through npx), so that stopping the child stops the runtime.
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      // Port 0: the runtime takes a port the system hands it and prints its address; a port picked
      // here and handed on could be taken by another listener before the child binds it.
      PORT: '0',
      RECOUP_DATA_DIR: join(dataDir, name),
      RECOUP_TABLE_NAME: table,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`runtime did not start: ${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = output.split('\n');
      const url = /Recoup is running at (\S+)/.exec(output)?.[1];
      const tokenLine = lines.findIndex((line) => line.startsWith('Admin token'));
      if (url && tokenLine >= 0 && lines[tokenLine + 1]?.trim()) {
        clearTimeout(timer);
        resolve({
          url,
          token: (lines[tokenLine + 1] as string).trim(),
          process: child,
        });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited with ${code}: ${output}`));
    });
  });
}

beforeAll(async () => {
  containers = await Promise.all(['first', 'second', 'third'].map(startContainer));
}, 90_000);

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

it('applies 60 payments from three processes exactly once each, with the exact balance', async () => {
  const call = async (
    container: Container,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${container.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${container.token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const [first] = containers as [Container];
  const debtor = await call(first, 'POST', '/v1/debtors', {
    name: 'Shared Debtor',
    kind: 'business',
    timezone: 'Europe/Rome',
    jurisdiction: 'IT',
  });
  for (const [index, dueDate] of ['2026-01-10', '2026-01-20', '2026-01-30'].entries()) {
    await call(first, 'POST', '/v1/invoices', {
      debtorId: debtor.body.id,
      number: `SHARED-${index}`,
      currency: 'EUR',
      amount: 1_000,
      issueDate: '2026-01-01',
      dueDate,
    });
  }
  const payments = Array.from({ length: 60 }, (_, index) => {
    const container = containers[index % containers.length] as Container;
    const body = {
      debtorId: debtor.body.id,
      currency: 'EUR',
      amount: 70,
      receivedAt: '2026-02-01T10:00:00Z',
    };
    return call(container, 'POST', '/v1/payments', body, { 'idempotency-key': `shared-${index}` });
  });
  // Every tenth request is retried on another process with the same key: it must not apply twice.
  const retries = Array.from({ length: 6 }, (_, index) =>
    call(
      containers[(index * 10 + 1) % containers.length] as Container,
      'POST',
      '/v1/payments',
      {
        debtorId: debtor.body.id,
        currency: 'EUR',
        amount: 70,
        receivedAt: '2026-02-01T10:00:00Z',
      },
      { 'idempotency-key': `shared-${index * 10}` },
    ),
  );
  const results = await Promise.all([...payments, ...retries]);
  expect(results.map((r) => r.status)).toEqual(Array(66).fill(201));

  const view = await call(first, 'GET', `/v1/debtors/${debtor.body.id}`);
  // 60 × 0.70 = 42.00 against 30.00 owed: all paid, 12.00 credit.
  expect(view.body.balances).toEqual([]);
  expect(view.body.credits).toEqual([{ currency: 'EUR', amount: 1_200 }]);
  const listed = await call(first, 'GET', `/v1/debtors/${debtor.body.id}/payments?limit=100`);
  expect(listed.body.items).toHaveLength(60);
}, 120_000);

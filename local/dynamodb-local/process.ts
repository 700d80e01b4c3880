/** Runs AWS DynamoDB Local (Java) as a child process on a free loopback port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { installDynamoDbLocal } from './install';

export interface DynamoDbLocal {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Folder for the persisted database; omitted means in-memory. */
  dataDir?: string;
  port?: number;
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  if (options.port !== undefined) return startOnPort(options, options.port);
  // A free port can be taken by another listener before Java binds it: try another one then.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnPort(options, await freePort());
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === 3) throw error;
    }
  }
}

class PortTakenError extends Error {}

/** Java binds its port within a second of printing its settings; this allows for a busy machine. */
const BIND_GRACE_MS = 2_000;

async function startOnPort(options: DynamoDbLocalOptions, port: number): Promise<DynamoDbLocal> {
  const dir = installDynamoDbLocal();
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    'java',
    [
      '-Xms64m',
      '-Xmx1g',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      '-disableTelemetry',
      ...storage,
    ],
    // DynamoDB Local writes its metadata file into the working directory: keep it in the cache.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, endpoint);
  return {
    endpoint,
    pid: child.pid ?? -1,
    stop: () => stopProcess(child),
  };
}

async function waitUntilReady(child: ChildProcess, endpoint: string): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  // Java does not exit when its port is taken; it logs the failure and keeps running.
  const portTaken = () => {
    if (!/BindException|Address already in use/.test(output)) return;
    child.kill('SIGKILL');
    throw new PortTakenError(output);
  };
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let settingsPrintedAt: number | undefined;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    portTaken();
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited: ${output}`);
    try {
      // An unsigned request is answered (with a 400) once the server listens; the request id header
      // tells DynamoDB Local from another listener that took the port first.
      const response = await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      // Another DynamoDB Local may hold the port: ours printed its settings, and in the time it
      // takes to bind after that (under a second) did not report the port taken.
      if (output.includes('Initializing DynamoDB Local')) settingsPrintedAt ??= Date.now();
      if (response.headers.has('x-amzn-requestid') && settingsPrintedAt !== undefined) {
        await pause(Math.max(0, settingsPrintedAt + BIND_GRACE_MS - Date.now()));
        portTaken();
        return;
      }
      await pause(150);
    } catch (error) {
      if (error instanceof PortTakenError) throw error;
      await pause(150);
    }
  }
  child.kill('SIGKILL');
  throw new Error(`DynamoDB Local did not start within 30 s: ${output}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

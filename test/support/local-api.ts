/** Starts the local runtime against the shared DynamoDB Local with a fresh table per test file. */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/domain/roles';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../local/runtime';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestApi {
  runtime: LocalRuntime;
  token(tenantId: string, roles: Role[], extra?: { sub?: string; debtorId?: string }): Promise<string>;
  request<T = any>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  stop(): Promise<void>;
}

export async function startTestApi(options: LocalRuntimeOptions = {}): Promise<TestApi> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint && !options.dataDir) throw new Error('DynamoDB Local is not running (jest globalSetup)');
  const runtime = await startLocalRuntime({
    dynamoDbEndpoint: options.dataDir ? undefined : endpoint,
    tableName: `recoup-test-${randomUUID().slice(0, 8)}`,
    ...options,
  });
  return {
    runtime,
    token: async (tenantId, roles, extra = {}) =>
      (await runtime.issuer.issue({ tenantId, roles, ...extra })).token,
    request: async (method, path, { token, body, rawBody, headers = {} } = {}) => {
      const response = await fetch(`${runtime.url}${path}`, {
        method,
        headers: {
          ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed as any };
    },
    stop: () => runtime.stop(),
  };
}

export const sampleDebtor = (overrides: Record<string, unknown> = {}) => ({
  name: 'Globex GmbH',
  kind: 'business',
  email: 'ap@globex.example',
  timezone: 'Europe/Berlin',
  jurisdiction: 'DE',
  ...overrides,
});

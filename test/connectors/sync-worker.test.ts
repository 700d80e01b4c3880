/**
 * The deployed entry points of a sync, run on the local runtime's services: the hourly schedule
 * queues every active connection of every tenant (and only those), and the SQS worker syncs the
 * connection a message names and drops what it can never run.
 */
import type { Context, SQSEvent } from 'aws-lambda';
import { queueSyncs } from '../../shared/app/connectors/queue-syncs';
import { syncWorkerHandler } from '../../shared/connectors/sync-worker';
import type { SyncRunner } from '../../shared/ports/sync-runner';
import { startTestApi, type TestApi } from '../support/local-api';

const REALM = '9130350000000042';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-03-10T09:00:00Z'));
});
afterAll(() => api.stop());

async function connect(tenant: string): Promise<string> {
  const admin = await api.token(tenant, ['admin']);
  const started = await api.request('POST', '/v1/connections', {
    token: admin,
    body: { provider: 'quickbooks', currency: 'USD', jurisdiction: 'US-NY' },
  });
  const consent = await fetch(started.body.authorizeUrl, { redirect: 'manual' });
  const callback = new URL(consent.headers.get('location')!);
  expect((await api.request('GET', `${callback.pathname}${callback.search}`)).status).toBe(200);
  return started.body.id;
}

const context = { getRemainingTimeInMillis: () => 900_000 } as unknown as Context;
const event = (...bodies: string[]): SQSEvent =>
  ({
    Records: bodies.map((body, index) => ({ messageId: `m${index}`, body, attributes: {} })),
  }) as unknown as SQSEvent;

it('queues every active connection, and the worker syncs what a message names', async () => {
  api.runtime.quickbooks.consentRealmId = REALM;
  api.runtime.quickbooks.addCustomer(REALM, {
    DisplayName: 'Wayne Enterprises',
    CompanyName: 'Wayne Enterprises',
  });
  const first = await connect('north');
  const second = await connect('south');
  // A connection still waiting for its authorization is not synced.
  const admin = await api.token('east', ['admin']);
  await api.request('POST', '/v1/connections', {
    token: admin,
    body: { provider: 'quickbooks', currency: 'USD' },
  });

  const queued: { tenantId: string; connectionId: string }[] = [];
  const recorder: SyncRunner = {
    start: async (tenantId, connectionId) => void queued.push({ tenantId, connectionId }),
  };
  expect(await queueSyncs({ connections: api.runtime.services.connections, syncRunner: recorder })).toBe(2);
  expect(queued).toEqual(
    expect.arrayContaining([
      { tenantId: 'north', connectionId: first },
      { tenantId: 'south', connectionId: second },
    ]),
  );

  const handler = syncWorkerHandler(() => ({ ...api.runtime.services, syncRunner: recorder }));
  const answer = await handler(
    event(
      JSON.stringify({ tenantId: 'north', connectionId: first }),
      'not json',
      JSON.stringify({ tenantId: 'north', connectionId: 'con_01JD7X2M4K8Q9R3S5T6V7W8X9Y' }),
    ),
    context,
  );
  // The malformed message and the unknown connection are dropped: retrying cannot help them.
  expect(answer).toEqual({ batchItemFailures: [] });
  const north = await api.runtime.services.connections.get('north', first);
  expect(north!.lastRun).toMatchObject({ outcome: 'completed', counts: { created: 1 } });

  // A revoked grant cannot succeed on a retry: dropped, and the connection asks for a new authorization.
  api.runtime.quickbooks.revokeGrants();
  const failed = await handler(event(JSON.stringify({ tenantId: 'south', connectionId: second })), context);
  expect(failed).toEqual({ batchItemFailures: [] });
  expect((await api.runtime.services.connections.get('south', second))!.status).toBe(
    'reauthorization_required',
  );
});

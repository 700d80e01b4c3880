/**
 * Kill the sender mid-batch: a real sender process (the deployed handler, the real SES, SMS and
 * S3 adapters) is killed with SIGKILL the moment the provider has taken its fourth message and
 * before the answer reaches it — the worst instant, when the message is out but unrecorded. SQS
 * then hands the whole batch to a new container. Every message reaches its recipient exactly once.
 */
import { spawn } from 'node:child_process';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { decodeDeliveryRef } from '../../shared/adapters/delivery-ref-tag';
import type { OutboundMessage } from '../../shared/domain/cases/outbound-message';
import { CLAIM_HOLDS_MS } from '../../shared/domain/messaging/delivery';
import { outboxEntry } from '../../shared/messaging/outbox-entry';
import { readProviderEvent } from '../../shared/messaging/provider-events';
import { recordDeliveryReport } from '../../shared/app/messaging/record-delivery-report';
import { projectRoot } from '../../local/runtime';
import { LocalProviders } from '../../local/providers/local-providers';
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let providers: LocalProviders;
let killAfter = Number.POSITIVE_INFINITY;
let running: ReturnType<typeof spawn> | undefined;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date(Date.now() + 1000));
  providers = new LocalProviders({
    clock: api.runtime.clock,
    onAccepted: () => {
      if (providers.accepted.length === killAfter && running?.pid) process.kill(running.pid, 'SIGKILL');
    },
    // EventBridge: the provider's reports reach the report handler whatever became of the sender.
    onEvent: async (event) => {
      const read = readProviderEvent(event);
      if (read) await recordDeliveryReport(api.runtime.services, read.ref, read.report);
    },
  });
  await providers.start();
});

afterAll(async () => {
  await providers.stop();
  await api.stop();
});

function runSender(batch: SQSEvent, clockOffsetMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/messaging/support/sender-process.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        TABLE_NAME: api.runtime.dynamoDb.tableName,
        DYNAMODB_ENDPOINT: api.runtime.dynamoDb.endpoint,
        PROVIDERS_ENDPOINT: providers.endpoint,
        CLOCK_OFFSET_MS: String(clockOffsetMs),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    running = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
    child.stdin.end(JSON.stringify(batch));
  });
}

async function queueMessages(count: number): Promise<OutboundMessage[]> {
  const now = api.runtime.clock.now().toISOString();
  const channels = ['email', 'sms', 'letter', 'voice'] as const;
  const messages = Array.from({ length: count }, (_, index): OutboundMessage => {
    const channel = channels[index % channels.length]!;
    return {
      id: `msg_kill_${index}`,
      tenantId: 'acme',
      debtorId: `deb_${index}`,
      channel,
      to:
        channel === 'email'
          ? `debtor${index}@example.com`
          : channel === 'letter'
            ? `${index} Main St, Springfield, US`
            : `+1415555${String(1000 + index)}`,
      template: 'reminder',
      subject: `Reminder ${index}`,
      body: `Your balance is due (${index}).`,
      language: 'en',
      obligations: [],
      status: 'queued',
      createdAt: now,
    };
  });
  for (const message of messages) await api.runtime.services.contacts.save({ message }, { audit: [] });
  return messages;
}

function batchOf(messages: readonly OutboundMessage[], receiveCount: number): SQSEvent {
  return {
    Records: messages.map((message) => ({
      messageId: `sqs-${message.id}`,
      receiptHandle: `${message.id}#${receiveCount}`,
      body: outboxEntry({
        kind: 'message',
        tenantId: message.tenantId,
        debtorId: message.debtorId,
        id: message.id,
      }),
      attributes: {
        ApproximateReceiveCount: String(receiveCount),
        SentTimestamp: '0',
        SenderId: 'test',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:local:000000000000:outbox',
      awsRegion: 'local',
    })),
  };
}

it('delivers every message exactly once after the sender is killed mid-batch and the batch redelivered', async () => {
  const messages = await queueMessages(10);
  killAfter = 4;
  const killed = await runSender(batchOf(messages, 1), 0);
  expect(killed.code).toBeNull(); // killed by the signal: no batch response, the whole batch returns
  expect(providers.accepted.length).toBeGreaterThanOrEqual(4);
  expect(providers.accepted.length).toBeLessThan(10);
  await providers.settled();

  // SQS makes the batch visible again; a new container takes it once the dead sender's claims lapse.
  killAfter = Number.POSITIVE_INFINITY;
  const redelivered = await runSender(batchOf(messages, 2), CLAIM_HOLDS_MS + 60_000);
  expect(redelivered.code).toBe(0);
  const response = JSON.parse(redelivered.output.trim().split('\n').pop()!) as SQSBatchResponse;
  expect(response.batchItemFailures).toEqual([]);
  await providers.settled();

  const sends = providers.accepted.map((accepted) =>
    accepted.channel === 'letter' ? accepted.objectKey : decodeDeliveryRef(accepted.ref)?.id,
  );
  const expected = messages.map((message) =>
    message.channel === 'letter' ? `letters/acme/${message.id}.pdf` : message.id,
  );
  expect([...sends].sort()).toEqual([...expected].sort()); // each once: no loss, no double
  for (const message of messages) {
    const stored = await api.runtime.services.deliveryLog.read({
      kind: 'message',
      tenantId: 'acme',
      debtorId: message.debtorId,
      id: message.id,
    });
    expect(['sent', 'delivered']).toContain(stored?.status);
    expect(stored?.providerMessageId).toBeDefined();
  }
});

it('a third receipt of the same batch sends nothing', async () => {
  const before = providers.accepted.length;
  const messages = Array.from({ length: 10 }, (_, index) => ({
    id: `msg_kill_${index}`,
    tenantId: 'acme',
    debtorId: `deb_${index}`,
  })) as OutboundMessage[];
  const again = await runSender(batchOf(messages, 3), CLAIM_HOLDS_MS + 120_000);
  expect(JSON.parse(again.output.trim().split('\n').pop()!)).toEqual({ batchItemFailures: [] });
  expect(providers.accepted.length).toBe(before);
});

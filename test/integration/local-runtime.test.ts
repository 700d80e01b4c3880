import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

describe('local runtime', () => {
  it('keeps data, documents, the clock and tokens across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recoup-data-'));
    let api: TestApi | undefined;
    try {
      api = await startTestApi({ dataDir, tableName: 'recoup' });
      const token = await api.token('persist', ['admin']);
      const created = await api.request('POST', '/v1/debtors', {
        token,
        body: sampleDebtor({ name: 'Durable Ltd' }),
      });
      expect(created.status).toBe(201);
      const scan = Buffer.from('%PDF-1.7\n% contract\n%%EOF\n', 'latin1');
      const document = await api.request('POST', `/v1/debtors/${created.body.id}/documents`, {
        token,
        body: {
          fileName: 'contract.pdf',
          contentType: 'application/pdf',
          size: scan.length,
          category: 'contract',
        },
      });
      const form = new FormData();
      for (const [name, value] of Object.entries(document.body.upload.fields as Record<string, string>)) {
        form.append(name, value);
      }
      form.append('file', new Blob([new Uint8Array(scan)]));
      expect((await fetch(document.body.upload.url, { method: 'POST', body: form })).status).toBe(204);
      const moved = await api.request('POST', '/dev/clock', { body: { advance: 'P30D' } });
      expect(moved.status).toBe(200);
      await api.stop();

      api = await startTestApi({ dataDir, tableName: 'recoup' });
      const fetched = await api.request('GET', `/v1/debtors/${created.body.id}`, { token });
      expect(fetched.status).toBe(200);
      expect(fetched.body.name).toBe('Durable Ltd');
      // The file is kept under the data folder: the new S3 stand-in serves the checked version.
      const kept = await api.request('GET', `/v1/documents/${document.body.id}`, { token });
      expect(kept.body.status).toBe('available');
      const download = await fetch(kept.body.download.url);
      expect(Buffer.from(await download.arrayBuffer()).equals(scan)).toBe(true);
      const clock = await api.request('GET', '/dev/clock');
      expect(new Date(clock.body.now).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    } finally {
      await api?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('resumes an import that was under way when the process stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recoup-data-'));
    let api: TestApi | undefined;
    try {
      api = await startTestApi({ dataDir, tableName: 'recoup' });
      const token = await api.token('persist', ['admin']);
      const created = await api.request('POST', '/v1/imports', {
        token,
        headers: { 'idempotency-key': 'resume-after-restart' },
        body: { kind: 'debtors' },
      });
      const csv = 'externalRef,name,kind,timezone,jurisdiction\nP-1,Phoenix Ltd,business,Europe/London,GB\n';
      const upload = created.body.upload;
      expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: csv })).status).toBe(
        200,
      );
      // The process dies right after the start was accepted, before the worker ran: the import is
      // queued and recorded as under way, as the queue would hold its message in AWS.
      const job = await api.runtime.services.imports.get('persist', created.body.id);
      await api.runtime.services.imports.save(job!, { ...job!, status: 'queued', version: job!.version + 1 });
      writeFileSync(
        join(dataDir, 'imports-under-way.json'),
        JSON.stringify([{ tenantId: 'persist', importId: created.body.id }]),
      );
      await api.stop();

      api = await startTestApi({ dataDir, tableName: 'recoup' });
      await api.runtime.imports.idle();
      const resumed = await api.request('GET', `/v1/imports/${created.body.id}`, { token });
      expect(resumed.body.status).toBe('completed');
      expect(resumed.body.counts.created).toBe(1);
      expect(JSON.parse(readFileSync(join(dataDir, 'imports-under-way.json'), 'utf8'))).toEqual([]);
    } finally {
      await api?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('local-only routes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  it('issues tokens as JSON or plain text and validates the request', async () => {
    const json = await api.request('POST', '/dev/token', { body: { tenantId: 'acme', roles: ['manager'] } });
    expect(json.status).toBe(200);
    expect(json.body.token.split('.')).toHaveLength(3);
    const plain = await api.request('POST', '/dev/token', {
      body: { tenantId: 'acme', roles: ['manager'] },
      headers: { accept: 'text/plain' },
    });
    expect(plain.body).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const bad = await api.request('POST', '/dev/token', { body: { tenantId: 'a#b', roles: ['king'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['tenantId', 'roles.0']),
    );
  });

  it('moves the clock forward only', async () => {
    const before = (await api.request('GET', '/dev/clock')).body.now;
    const target = new Date(new Date(before).getTime() + 3 * 24 * 3600 * 1000).toISOString();
    const set = await api.request('POST', '/dev/clock', { body: { now: target } });
    expect(new Date(set.body.now).getTime()).toBeGreaterThanOrEqual(new Date(target).getTime());
    const back = await api.request('POST', '/dev/clock', { body: { now: before } });
    expect(back.status).toBe(422);
    expect((await api.request('POST', '/dev/clock', { body: { advance: 'tomorrow' } })).status).toBe(400);
    const advanced = await api.request('POST', '/dev/clock', { body: { advance: 'PT2H' } });
    expect(new Date(advanced.body.now).getTime() - new Date(set.body.now).getTime()).toBeGreaterThanOrEqual(
      2 * 3600 * 1000,
    );
  });

  it('serves the outbox filtered by debtor', async () => {
    api.runtime.outbox.record({
      id: 'msg_1',
      tenantId: 'acme',
      debtorId: 'dbt_A',
      channel: 'email',
      to: 'ap@example.com',
      body: 'Reminder',
      sentAt: '2026-03-08T14:00:00.000Z',
    });
    expect((await api.request('GET', '/dev/outbox?debtorId=dbt_A')).body.items).toHaveLength(1);
    expect((await api.request('GET', '/dev/outbox?debtorId=dbt_B')).body.items).toHaveLength(0);
  });
});

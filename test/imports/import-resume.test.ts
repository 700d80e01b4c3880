/**
 * An import worker that dies in the middle of a batch, or pauses because its time runs out, is
 * resumed from the last checkpoint: every row applied exactly once, the day aggregates added once.
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { keys } from '../../shared/adapters/dynamodb/keys';
import { runImport } from '../../shared/app/imports/run-import';
import type { Invoice } from '../../shared/domain/invoices/invoice';
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;
const DEBTORS = 40;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
  admin = await api.token('resume', ['admin'], { sub: 'resume-admin' });
  await api.request('PUT', '/v1/settings', { token: admin, body: { timezone: 'Europe/London' } });
  const debtors = ['externalRef,name,kind,timezone,jurisdiction'];
  for (let index = 0; index < DEBTORS; index += 1)
    debtors.push(`R-${index},Debtor ${index},business,Europe/London,GB`);
  const { job } = await importCsv('debtors', debtors.join('\n'));
  expect(job.counts.created).toBe(DEBTORS);
});
afterAll(() => api.stop());

async function upload(kind: string, csv: string) {
  const created = await api.request('POST', '/v1/imports', {
    token: admin,
    headers: { 'idempotency-key': `resume-${Math.random()}` },
    body: { kind },
  });
  const { upload: target, id } = created.body;
  await fetch(target.url, { method: 'PUT', headers: target.headers, body: csv });
  return id as string;
}

async function importCsv(kind: string, csv: string) {
  const id = await upload(kind, csv);
  await api.request('POST', `/v1/imports/${id}/start`, { token: admin, body: {} });
  await api.runtime.imports.idle();
  return { id, job: (await api.request('GET', `/v1/imports/${id}`, { token: admin })).body };
}

function invoices(prefix: string, count: number): { csv: string; total: number } {
  const lines = ['number,debtorExternalRef,currency,amount,issueDate,dueDate'];
  let total = 0;
  for (let index = 0; index < count; index += 1) {
    const amount = 1_000 + index;
    total += amount;
    const day = String(1 + (index % 28)).padStart(2, '0');
    lines.push(
      `${prefix}-${index},R-${index % DEBTORS},GBP,${(amount / 100).toFixed(2)},2027-01-${day},2027-04-${day}`,
    );
  }
  return { csv: lines.join('\n'), total };
}

async function storedInvoices(prefix: string): Promise<Invoice[]> {
  const all: Invoice[] = [];
  for (let index = 0; index < DEBTORS; index += 1) {
    const debtor = (await api.request('GET', `/v1/debtors?search=R-${index}`, { token: admin })).body
      .items[0];
    const book = await api.runtime.services.ledger.book('resume', debtor.id);
    all.push(...book.invoices.filter((invoice) => invoice.number.startsWith(`${prefix}-`)));
  }
  return all;
}

async function sales(): Promise<number> {
  const days = await api.runtime.services.receivableDays.days('resume', 'GBP', '2027-12-31');
  return days.reduce((total, day) => total + (day.counters.sales ?? 0), 0);
}

it('resumes after a worker died half-way through writing a batch', async () => {
  const { csv, total } = invoices('A', 2_500);
  const bulk = api.runtime.services.bulk;
  const writeInvoices = bulk.writeInvoices.bind(bulk);
  let calls = 0;
  bulk.writeInvoices = async (batch) => {
    calls += 1;
    if (calls === 2) {
      await writeInvoices(batch.slice(0, 300));
      throw new Error('the worker died');
    }
    return writeInvoices(batch);
  };
  const salesBefore = await sales();
  const { id, job } = await importCsv('invoices', csv);
  expect(job.status).toBe('applying');
  expect(job.counts.created).toBe(1_000);
  bulk.writeInvoices = writeInvoices;

  await api.request('POST', `/v1/imports/${id}/start`, { token: admin, body: {} });
  await api.runtime.imports.idle();
  const done = (await api.request('GET', `/v1/imports/${id}`, { token: admin })).body;
  expect(done.status).toBe('completed');
  expect(done.counts).toEqual({ rows: 2_500, invalid: 0, created: 2_500, updated: 0, unchanged: 0 });
  const stored = await storedInvoices('A');
  expect(stored).toHaveLength(2_500);
  expect(stored.reduce((sum, invoice) => sum + invoice.amount, 0)).toBe(total);
  expect((await sales()) - salesBefore).toBe(total);
});

it('pauses after a checkpoint when asked to, and carries on in the next run', async () => {
  const { csv, total } = invoices('B', 2_100);
  const id = await upload('invoices', csv);
  const services = api.runtime.services;
  const queued = await services.imports.get('resume', id);
  await services.imports.save(queued!, { ...queued!, status: 'queued', version: queued!.version + 1 });
  const salesBefore = await sales();
  expect(await runImport(services, 'resume', id, { shouldPause: () => true })).toBe('paused');
  expect((await services.imports.get('resume', id))?.checkpoint?.appliedThroughRow).toBe(1_000);
  expect(await runImport(services, 'resume', id, { shouldPause: () => true })).toBe('paused');
  expect(await runImport(services, 'resume', id)).toBe('finished');
  const job = await services.imports.get('resume', id);
  expect(job?.status).toBe('completed');
  expect(job?.counts.created).toBe(2_100);
  expect((await storedInvoices('B')).length).toBe(2_100);
  expect((await sales()) - salesBefore).toBe(total);
});

/** Uploads a file and runs its import in this process, in batches of `batchRows`. */
async function runInBatches(kind: string, lines: string[], batchRows: number) {
  const id = await upload(kind, lines.join('\n'));
  const services = api.runtime.services;
  const uploaded = await services.imports.get('resume', id);
  await services.imports.save(uploaded!, { ...uploaded!, status: 'queued', version: uploaded!.version + 1 });
  expect(await runImport(services, 'resume', id, { batchRows })).toBe('finished');
  const errors = await api.request('GET', `/v1/imports/${id}/errors?limit=100`, { token: admin });
  return { job: await services.imports.get('resume', id), errors: errors.body.items };
}

it('plans the next batch of invoices while writing one, and still catches a number repeated across them', async () => {
  const line = (number: string, debtor: string, amount: string) =>
    `${number},${debtor},GBP,${amount},2027-01-05,2027-04-05`;
  const { job, errors } = await runInBatches(
    'invoices',
    [
      'number,debtorExternalRef,currency,amount,issueDate,dueDate',
      line('D-1', 'R-1', '10.00'),
      line('D-2', 'R-1', '20.00'),
      line('D-3', 'R-2', '30.00'),
      line('D-4', 'R-2', '40.00'),
      line('D-1', 'R-3', '99.00'),
      line('D-6', 'R-3', '60.00'),
      line('D-7', 'R-4', '70.00'),
    ],
    2,
  );
  expect(job?.counts).toEqual({ rows: 7, invalid: 1, created: 6, updated: 0, unchanged: 0 });
  expect(errors).toEqual([{ row: 5, field: 'number', reason: 'repeats row 1' }]);
  const stored = await storedInvoices('D');
  expect(stored.map((invoice) => [invoice.number, invoice.amount]).sort()).toEqual([
    ['D-1', 1_000],
    ['D-2', 2_000],
    ['D-3', 3_000],
    ['D-4', 4_000],
    ['D-6', 6_000],
    ['D-7', 7_000],
  ]);
});

it('plans a batch of payments only after the payments before it are applied', async () => {
  await runInBatches(
    'invoices',
    [
      'number,debtorExternalRef,currency,amount,issueDate,dueDate',
      'E-1,R-5,GBP,100.00,2027-01-10,2027-04-10',
    ],
    1,
  );
  // Each payment names the invoice; the second finds only what the first left of it.
  const { job, errors } = await runInBatches(
    'payments',
    [
      'reference,debtorExternalRef,currency,amount,receivedAt,method,invoiceNumber',
      'E-PAY-1,R-5,GBP,60.00,2027-02-15,bank transfer,E-1',
      'E-PAY-2,R-5,GBP,60.00,2027-02-16,bank transfer,E-1',
    ],
    1,
  );
  expect(errors).toEqual([]);
  expect(job?.counts).toEqual({ rows: 2, invalid: 0, created: 2, updated: 0, unchanged: 0 });
  const [invoice] = await storedInvoices('E');
  expect(invoice).toMatchObject({ amount: 10_000, paid: 10_000 });
  const debtor = (await api.request('GET', '/v1/debtors?search=R-5', { token: admin })).body.items[0];
  const ledger = await api.runtime.services.ledger.book('resume', debtor.id);
  expect(ledger.ledger.credit).toEqual({ GBP: 2_000 });
});

it('writes the markers of records that a run which died wrote without them', async () => {
  const { csv, total } = invoices('F', 1_500);
  const bulk = api.runtime.services.bulk;
  const writeInvoices = bulk.writeInvoices.bind(bulk);
  const { endpoint, tableName } = api.runtime.dynamoDb;
  const client = createDocumentClient({ endpoint, tableName });
  let calls = 0;
  bulk.writeInvoices = async (batch, stored) => {
    calls += 1;
    if (calls === 2) {
      // The records and their pointers reached the table; their number markers did not.
      const part = batch.slice(0, 300);
      await writeInvoices(part, stored);
      for (const invoice of part) {
        await client.send(
          new DeleteCommand({ TableName: tableName, Key: keys.invoiceNumber('resume', invoice.number) }),
        );
      }
      throw new Error('the worker died');
    }
    return writeInvoices(batch, stored);
  };
  const salesBefore = await sales();
  const { id, job } = await importCsv('invoices', csv);
  expect(job.status).toBe('applying');
  bulk.writeInvoices = writeInvoices;

  await api.request('POST', `/v1/imports/${id}/start`, { token: admin, body: {} });
  await api.runtime.imports.idle();
  const done = (await api.request('GET', `/v1/imports/${id}`, { token: admin })).body;
  expect(done.counts).toEqual({ rows: 1_500, invalid: 0, created: 1_500, updated: 0, unchanged: 0 });
  expect((await storedInvoices('F')).reduce((sum, invoice) => sum + invoice.amount, 0)).toBe(total);
  expect((await sales()) - salesBefore).toBe(total);
  // Every number finds its invoice again: the same file a second time changes nothing.
  const again = await importCsv('invoices', csv);
  expect(again.job.counts).toEqual({ rows: 1_500, invalid: 0, created: 0, updated: 0, unchanged: 1_500 });
  expect((await sales()) - salesBefore).toBe(total);
  client.destroy();
});

it('adds the day aggregates of a flush that stopped half-way exactly once', async () => {
  // Two batches whose days interleave (even days, then odd days), more days than a checkpoint keeps.
  const lines = ['number,debtorExternalRef,currency,amount,issueDate,dueDate'];
  let total = 0;
  const plusDays = (days: number) =>
    new Date(Date.UTC(2024, 7, 1) + days * 86_400_000).toISOString().slice(0, 10);
  for (let index = 0; index < 900; index += 1) {
    const offset = 2 * (index % 450) + (index >= 450 ? 1 : 0);
    const amount = 500 + index;
    total += amount;
    lines.push(
      `G-${index},R-${index % DEBTORS},GBP,${(amount / 100).toFixed(2)},${plusDays(offset)},${plusDays(offset + 30)}`,
    );
  }
  const bulk = api.runtime.services.bulk;
  const addReceivables = bulk.addReceivables.bind(bulk);
  let failed = false;
  bulk.addReceivables = async (tenantId, importId, batch, days) => {
    if (failed) return addReceivables(tenantId, importId, batch, days);
    failed = true;
    // The first part is added, then the worker dies.
    const first = [...days].sort((a, b) => a.date.localeCompare(b.date)).slice(0, 60);
    await addReceivables(tenantId, importId, batch, first);
    throw new Error('the worker died');
  };
  const salesBefore = await sales();
  const id = await upload('invoices', lines.join('\n'));
  const services = api.runtime.services;
  const uploaded = await services.imports.get('resume', id);
  await services.imports.save(uploaded!, { ...uploaded!, status: 'queued', version: uploaded!.version + 1 });
  await expect(runImport(services, 'resume', id, { batchRows: 450 })).rejects.toThrow('the worker died');
  bulk.addReceivables = addReceivables;
  expect(await runImport(services, 'resume', id, { batchRows: 450 })).toBe('finished');
  expect((await services.imports.get('resume', id))?.counts.created).toBe(900);
  expect((await sales()) - salesBefore).toBe(total);
});

it('counts a key claimed before the checkpoint only for a row that parsed, as the plan does', async () => {
  // Row 2 is bad and row 4 corrects it under the same number; the run pauses after each batch.
  const { job, errors } = await (async () => {
    const id = await upload(
      'invoices',
      [
        'number,debtorExternalRef,currency,amount,issueDate,dueDate',
        'H-1,R-6,GBP,10.00,2027-01-05,2027-04-05',
        'H-2,R-6,GBP,ten,2027-01-05,2027-04-05',
        'H-3,R-6,GBP,30.00,2027-01-05,2027-04-05',
        'H-2,R-6,GBP,20.00,2027-01-05,2027-04-05',
      ].join('\n'),
    );
    const services = api.runtime.services;
    const uploaded = await services.imports.get('resume', id);
    await services.imports.save(uploaded!, {
      ...uploaded!,
      status: 'queued',
      version: uploaded!.version + 1,
    });
    expect(await runImport(services, 'resume', id, { batchRows: 2, shouldPause: () => true })).toBe('paused');
    expect(await runImport(services, 'resume', id, { batchRows: 2 })).toBe('finished');
    const listed = await api.request('GET', `/v1/imports/${id}/errors?limit=100`, { token: admin });
    return { job: await services.imports.get('resume', id), errors: listed.body.items };
  })();
  expect(errors).toEqual([{ row: 2, field: 'amount', reason: expect.any(String) }]);
  expect(job?.counts).toMatchObject({ rows: 4, invalid: 1, created: 3 });
  expect((await storedInvoices('H')).map((invoice) => [invoice.number, invoice.amount]).sort()).toEqual([
    ['H-1', 1_000],
    ['H-2', 2_000],
    ['H-3', 3_000],
  ]);
});

it('lets a later payment of one batch find only what the earlier ones left of the invoice', async () => {
  await runInBatches(
    'invoices',
    [
      'number,debtorExternalRef,currency,amount,issueDate,dueDate',
      'K-1,R-7,GBP,100.00,2027-01-10,2027-04-10',
    ],
    10,
  );
  const { job, errors } = await runInBatches(
    'payments',
    [
      'reference,debtorExternalRef,currency,amount,receivedAt,method,invoiceNumber',
      'K-PAY-1,R-7,GBP,70.00,2027-02-15,bank transfer,K-1',
      'K-PAY-2,R-7,GBP,70.00,2027-02-16,bank transfer,K-1',
    ],
    10,
  );
  expect(errors).toEqual([]);
  expect(job?.counts).toEqual({ rows: 2, invalid: 0, created: 2, updated: 0, unchanged: 0 });
  const [invoice] = await storedInvoices('K');
  expect(invoice).toMatchObject({ amount: 10_000, paid: 10_000 });
  const debtor = (await api.request('GET', '/v1/debtors?search=R-7', { token: admin })).body.items[0];
  expect((await api.runtime.services.ledger.book('resume', debtor.id)).ledger.credit).toEqual({ GBP: 4_000 });
});

it('fails the run at its checkpoint when planning the next batch fails while one is written', async () => {
  const { csv } = invoices('L', 30);
  const bulk = api.runtime.services.bulk;
  const invoicesByNumber = bulk.invoicesByNumber.bind(bulk);
  const writeInvoices = bulk.writeInvoices.bind(bulk);
  let lookups = 0;
  bulk.invoicesByNumber = async (tenantId, numbers) => {
    lookups += 1;
    // The apply pass's second plan, started while the first batch is written.
    if (lookups === 5) throw new Error('the table answered 500');
    return invoicesByNumber(tenantId, numbers);
  };
  // The write outlasts the failed look-ahead.
  bulk.writeInvoices = async (batch, stored) => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return writeInvoices(batch, stored);
  };
  try {
    const id = await upload('invoices', csv);
    const services = api.runtime.services;
    const uploaded = await services.imports.get('resume', id);
    await services.imports.save(uploaded!, {
      ...uploaded!,
      status: 'queued',
      version: uploaded!.version + 1,
    });
    await expect(runImport(services, 'resume', id, { batchRows: 10 })).rejects.toThrow(
      'the table answered 500',
    );
    // The next run carries on from the first batch's checkpoint.
    expect((await services.imports.get('resume', id))?.checkpoint?.appliedThroughRow).toBe(10);
    expect(await runImport(services, 'resume', id, { batchRows: 10 })).toBe('finished');
    expect((await storedInvoices('L')).length).toBe(30);
  } finally {
    bulk.invoicesByNumber = invoicesByNumber;
    bulk.writeInvoices = writeInvoices;
  }
});

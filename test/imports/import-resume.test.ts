/**
 * An import worker that dies in the middle of a batch, or pauses because its time runs out, is
 * resumed from the last checkpoint: every row applied exactly once, the day aggregates added once.
 */
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

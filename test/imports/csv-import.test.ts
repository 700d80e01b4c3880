/**
 * CSV imports through the local API: upload to the presigned URL (the local S3 stand-in), start,
 * the worker validates and applies; every bad row reported exactly; a re-import changes nothing.
 */
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
  admin = await api.token('acme', ['admin'], { sub: 'acme-admin' });
  await api.request('PUT', '/v1/settings', { token: admin, body: { timezone: 'Europe/Berlin' } });
});
afterAll(() => api.stop());

async function importCsv(kind: string, csv: string, extra: Record<string, unknown> = {}, token = admin) {
  const created = await api.request('POST', '/v1/imports', {
    token,
    headers: { 'idempotency-key': `import-${Math.random()}` },
    body: { kind, fileName: `${kind}.csv`, ...extra },
  });
  expect(created.status).toBe(201);
  const { upload, id } = created.body;
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: csv });
  expect(put.status).toBe(200);
  const started = await api.request('POST', `/v1/imports/${id}/start`, { token, body: {} });
  expect(started.status).toBe(202);
  await api.runtime.imports.idle();
  const job = await api.request('GET', `/v1/imports/${id}`, { token });
  const errors = await api.request('GET', `/v1/imports/${id}/errors?limit=100`, { token });
  return { id, job: job.body, errors: errors.body.items };
}

const DEBTORS = [
  'External Ref,Name,Kind,Email,Phone,Time Zone,Jurisdiction,Street,City,Zip,Country,Notes',
  'C-1,Müller GmbH,business,ap@mueller.example,+49 30 1234567,Europe/Berlin,DE,Hauptstr. 1,Berlin,10115,de,ignored',
  'C-2,"Smith, Jane",person,jane@example.com,,America/New_York,US-NY,,,,,',
  'C-3,Broken Ltd,company,not-an-email,,Mars/Olympus,GB,,London,,GB,',
  'C-4,Tanaka KK,business,,,Asia/Tokyo,JP,,,,,',
  'C-5,Al Kuwait Co,business,,,Asia/Kuwait,KW,,,,,',
].join('\r\n');

const INVOICES = [
  'invoice_number,debtor_external_ref,currency,amount,issue_date,due_date',
  'M-1,C-1,EUR,"1.250,50",2027-01-01,2027-01-31',
  'M-2,C-1,USD,99.99,2027-01-05,2027-02-04',
  'T-1,C-4,JPY,125000,2027-01-10,2027-02-09',
  'K-1,C-5,KWD,12.345,2027-01-10,2027-02-09',
  'X-1,C-404,EUR,10.00,2027-01-10,2027-02-09',
  'M-1,C-1,EUR,5.00,2027-01-10,2027-02-09',
  'M-3,C-1,EUR,12.5,2027-02-10,2027-02-01',
  'J-1,C-2,USD,40.00,2027-02-01,2027-03-03',
].join('\n');

describe('CSV import', () => {
  it('imports debtors, reports each bad row exactly, and maps loose headers', async () => {
    const { job, errors } = await importCsv('debtors', DEBTORS);
    expect(job.status).toBe('completed');
    expect(job.counts).toEqual({ rows: 5, invalid: 1, created: 4, updated: 0, unchanged: 0 });
    expect(job.validation).toEqual({ rows: 5, invalid: 1, created: 4, updated: 0, unchanged: 0 });
    expect(job.ignoredColumns).toEqual(['Notes']);
    expect(job.progress.percent).toBe(100);
    expect(errors).toEqual([
      { row: 3, field: 'addressLine1', reason: 'is required when an address is given' },
      { row: 3, field: 'email', reason: expect.stringMatching(/email/i) },
      { row: 3, field: 'kind', reason: expect.any(String) },
      { row: 3, field: 'timezone', reason: 'must be an IANA time zone such as America/New_York' },
    ]);
    const found = await api.request('GET', '/v1/debtors?search=C-1', { token: admin });
    expect(found.body.items).toEqual([
      expect.objectContaining({ name: 'Müller GmbH', phone: '+49301234567', externalRef: 'C-1' }),
    ]);
    expect(found.body.items[0].postalAddress).toEqual({
      lines: ['Hauptstr. 1'],
      locality: 'Berlin',
      postalCode: '10115',
      country: 'DE',
    });
  });

  it('imports invoices in each currency exactly; a re-import changes nothing', async () => {
    const first = await importCsv('invoices', INVOICES);
    expect(first.job.status).toBe('completed');
    expect(first.job.counts).toEqual({ rows: 8, invalid: 3, created: 5, updated: 0, unchanged: 0 });
    expect(first.errors).toEqual([
      { row: 5, field: 'debtorExternalRef', reason: 'no debtor has this reference' },
      { row: 6, field: 'number', reason: 'repeats row 1' },
      { row: 7, field: 'dueDate', reason: 'must not be before issueDate' },
    ]);
    const mueller = (await api.request('GET', '/v1/debtors?search=C-1', { token: admin })).body.items[0];
    const debtor = await api.request('GET', `/v1/debtors/${mueller.id}`, { token: admin });
    expect(debtor.body.balances).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ currency: 'EUR', outstanding: 125_050 }),
        expect.objectContaining({ currency: 'USD', outstanding: 9_999 }),
      ]),
    );
    const tanaka = (await api.request('GET', '/v1/debtors?search=C-4', { token: admin })).body.items[0];
    const yen = await api.request('GET', `/v1/debtors/${tanaka.id}/invoices`, { token: admin });
    expect(yen.body.items).toEqual([
      expect.objectContaining({ number: 'T-1', amount: 125_000, currency: 'JPY' }),
    ]);
    const kuwait = (await api.request('GET', '/v1/debtors?search=C-5', { token: admin })).body.items[0];
    const dinar = await api.request('GET', `/v1/debtors/${kuwait.id}/invoices`, { token: admin });
    expect(dinar.body.items).toEqual([expect.objectContaining({ amount: 12_345, currency: 'KWD' })]);

    // The overdue invoice opened the debtor's case, as one created by hand would.
    const collectionCase = await api.request('GET', `/v1/debtors/${mueller.id}/case`, { token: admin });
    expect(collectionCase.status).toBe(200);

    const again = await importCsv('invoices', INVOICES);
    expect(again.job.counts).toEqual({ rows: 8, invalid: 3, created: 0, updated: 0, unchanged: 5 });
    const after = await api.request('GET', `/v1/debtors/${mueller.id}`, { token: admin });
    expect(after.body.balances).toEqual(debtor.body.balances);

    const changed = await importCsv(
      'invoices',
      'number,debtorExternalRef,currency,amount,issueDate,dueDate\nM-2,C-1,USD,100.00,2027-01-05,2027-02-04',
    );
    expect(changed.errors).toEqual([
      {
        row: 1,
        field: 'number',
        reason: expect.stringMatching(/^already used by invoice inv_\w+ with another amount$/),
      },
    ]);
  });

  it('adds the imported invoices to the day aggregates the metrics read', async () => {
    const days = await api.runtime.services.receivableDays.days('acme', 'EUR', '2027-12-31');
    const sales = days.reduce((total, day) => total + (day.counters.sales ?? 0), 0);
    expect(sales).toBe(125_050);
  });

  it('imports payments once, allocating to the named invoice', async () => {
    const csv = [
      'reference,debtorExternalRef,currency,amount,receivedAt,method,invoiceNumber',
      'BANK-1,C-1,EUR,250.50,2027-02-15,bank transfer,M-1',
      'BANK-2,C-4,JPY,25000,2027-02-16T10:00:00Z,,',
      'BANK-3,C-1,EUR,abc,2027-02-16,,',
    ].join('\n');
    const first = await importCsv('payments', csv);
    expect(first.job.counts).toEqual({ rows: 3, invalid: 1, created: 2, updated: 0, unchanged: 0 });
    expect(first.errors).toEqual([
      { row: 3, field: 'amount', reason: 'must be an amount in EUR (e.g. 1250.50)' },
    ]);
    const mueller = (await api.request('GET', '/v1/debtors?search=C-1', { token: admin })).body.items[0];
    const payments = await api.request('GET', `/v1/debtors/${mueller.id}/payments`, { token: admin });
    expect(payments.body.items).toEqual([
      expect.objectContaining({
        amount: 25_050,
        method: 'bank_transfer',
        receivedAt: '2027-02-14T23:00:00.000Z',
        allocations: [expect.objectContaining({ amount: 25_050 })],
      }),
    ]);
    const again = await importCsv('payments', csv);
    expect(again.job.counts).toEqual({ rows: 3, invalid: 1, created: 0, updated: 0, unchanged: 2 });
    const still = await api.request('GET', `/v1/debtors/${mueller.id}/payments`, { token: admin });
    expect(still.body.items).toHaveLength(1);
  });

  it('validates a dry run without writing, then applies it', async () => {
    const csv = 'externalRef,name,kind,timezone,jurisdiction\nD-1,Dry Run Ltd,business,Europe/London,GB';
    const dry = await importCsv('debtors', csv, { dryRun: true });
    expect(dry.job.status).toBe('validated');
    expect(dry.job.validation).toEqual({ rows: 1, invalid: 0, created: 1, updated: 0, unchanged: 0 });
    expect((await api.request('GET', '/v1/debtors?search=D-1', { token: admin })).body.items).toEqual([]);
    const applied = await api.request('POST', `/v1/imports/${dry.id}/start`, {
      token: admin,
      body: { apply: true },
    });
    expect(applied.status).toBe(202);
    await api.runtime.imports.idle();
    const job = await api.request('GET', `/v1/imports/${dry.id}`, { token: admin });
    expect(job.body.status).toBe('completed');
    expect((await api.request('GET', '/v1/debtors?search=D-1', { token: admin })).body.items).toHaveLength(1);
  });

  it('applies the file its dry run validated, though another was uploaded since', async () => {
    const header = 'externalRef,name,kind,timezone,jurisdiction';
    const created = await api.request('POST', '/v1/imports', {
      token: admin,
      headers: { 'idempotency-key': `import-${Math.random()}` },
      body: { kind: 'debtors', fileName: 'pinned.csv', dryRun: true },
    });
    const { upload, id } = created.body;
    const put = (csv: string) => fetch(upload.url, { method: 'PUT', headers: upload.headers, body: csv });
    expect((await put(`${header}\nP-1,Pinned Original Ltd,business,Europe/London,GB`)).status).toBe(200);
    await api.request('POST', `/v1/imports/${id}/start`, { token: admin, body: {} });
    await api.runtime.imports.idle();
    // The upload URL is still valid: a second file replaces the first under the same key.
    expect((await put(`${header}\nP-2,Pinned Replacement Ltd,business,Europe/London,GB`)).status).toBe(200);
    await api.request('POST', `/v1/imports/${id}/start`, { token: admin, body: { apply: true } });
    await api.runtime.imports.idle();
    const job = (await api.request('GET', `/v1/imports/${id}`, { token: admin })).body;
    expect(job).toMatchObject({ status: 'completed', counts: { rows: 1, created: 1 } });
    expect((await api.request('GET', '/v1/debtors?search=P-1', { token: admin })).body.items).toHaveLength(1);
    expect((await api.request('GET', '/v1/debtors?search=P-2', { token: admin })).body.items).toEqual([]);
  });

  it('updates the details of debtors that changed in the source system', async () => {
    const csv =
      'externalRef,name,kind,email,timezone,jurisdiction\nD-1,Dry Run Ltd,business,ar@dryrun.example,Europe/London,GB';
    const { job } = await importCsv('debtors', csv);
    expect(job.counts).toEqual({ rows: 1, invalid: 0, created: 0, updated: 1, unchanged: 0 });
    const debtor = (await api.request('GET', '/v1/debtors?search=D-1', { token: admin })).body.items[0];
    expect(debtor.email).toBe('ar@dryrun.example');
    const audit = await api.request('GET', `/v1/audit?entityId=${debtor.id}`, { token: admin });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toContain('debtor.updated');
  });

  it('fails a file without the columns it needs, and writes nothing', async () => {
    const { job } = await importCsv('invoices', 'number,currency\nZ-1,EUR');
    expect(job.status).toBe('failed');
    expect(job.failure).toMatch(/column debtorExternalRef \(or debtorId\) is missing/);
  });

  it('keeps imports to their tenant and their roles', async () => {
    const { id } = await importCsv(
      'debtors',
      'externalRef,name,kind,timezone,jurisdiction\nE-1,E Ltd,business,UTC,GB',
    );
    const other = await api.token('globex', ['admin']);
    expect((await api.request('GET', `/v1/imports/${id}`, { token: other })).status).toBe(404);
    expect((await api.request('GET', `/v1/imports/${id}/errors`, { token: other })).status).toBe(404);
    const auditor = await api.token('acme', ['auditor']);
    const refused = await api.request('POST', '/v1/imports', { token: auditor, body: { kind: 'debtors' } });
    expect(refused.status).toBe(403);
    const collector = await api.token('acme', ['collector']);
    expect(
      (await api.request('POST', `/v1/imports/${id}/start`, { token: collector, body: {} })).status,
    ).toBe(403);
  });

  it('refuses an upload whose signed URL was tampered with', async () => {
    const created = await api.request('POST', '/v1/imports', {
      token: admin,
      headers: { 'idempotency-key': 'tampered' },
      body: { kind: 'debtors' },
    });
    const url = new URL(created.body.upload.url);
    url.pathname = url.pathname.replace(created.body.id, 'imp_00000000000000000000000000');
    const put = await fetch(url, { method: 'PUT', headers: created.body.upload.headers, body: 'x' });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('SignatureDoesNotMatch');
  });

  it('refuses to start before the file is uploaded', async () => {
    const created = await api.request('POST', '/v1/imports', {
      token: admin,
      headers: { 'idempotency-key': 'no-upload' },
      body: { kind: 'invoices' },
    });
    const started = await api.request('POST', `/v1/imports/${created.body.id}/start`, {
      token: admin,
      body: {},
    });
    expect(started.status).toBe(422);
    expect(started.body.detail).toMatch(/Upload the file/);
  });
});

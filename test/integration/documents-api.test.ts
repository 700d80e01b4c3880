/**
 * Documents end to end through the local runtime: announce → upload with the presigned POST to
 * the S3 stand-in (which checks the policy as S3 does) → the storage events run the same check
 * the EventBridge rule runs in AWS → available → download by presigned GET. And everything that
 * must be refused: too big, wrong type, malware, other tenants, other debtors, read-only roles.
 */
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;
let debtorId: string;
let otherDebtorId: string;
let invoiceId: string;

/** The EICAR test file, the string every malware scanner flags by agreement (built in two halves). */
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

const pdf = (text = 'a scanned invoice') => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`, 'latin1');

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
  admin = await api.token('doc-co', ['admin'], { sub: 'admin-1' });
  const debtor = (name: string) =>
    api.request('POST', '/v1/debtors', {
      token: admin,
      body: { name, kind: 'business', timezone: 'Europe/Berlin', jurisdiction: 'DE' },
    });
  debtorId = (await debtor('Globex GmbH')).body.id;
  otherDebtorId = (await debtor('Initech AG')).body.id;
  const invoice = await api.request('POST', '/v1/invoices', {
    token: admin,
    body: {
      debtorId,
      number: 'D-1',
      currency: 'EUR',
      amount: 50_000,
      issueDate: '2027-01-01',
      dueDate: '2027-02-01',
    },
  });
  expect(invoice.status).toBe(201);
  invoiceId = invoice.body.id;
});
afterAll(() => api.stop());

interface UploadForm {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/** What a browser does with the form: every field as given (or changed), the file last. */
async function upload(form: UploadForm, content: Buffer, change: Record<string, string> = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries({ ...form.fields, ...change })) body.append(name, value);
  body.append('file', new Blob([new Uint8Array(content)]), 'upload.bin');
  const response = await fetch(form.url, { method: 'POST', body });
  return { status: response.status, text: await response.text() };
}

async function announce(token: string, path: string, body: Record<string, unknown>, headers = {}) {
  return api.request('POST', path, { token, body, headers });
}

const declaration = (content: Buffer, extra: Record<string, unknown> = {}) => ({
  fileName: 'invoice D-1.pdf',
  contentType: 'application/pdf',
  size: content.length,
  category: 'invoice_copy',
  ...extra,
});

describe('upload, check and download', () => {
  it('serves an uploaded PDF once storage and the scan have accepted it', async () => {
    const content = pdf();
    const created = await announce(admin, `/v1/invoices/${invoiceId}/documents`, declaration(content));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/documents/${created.body.id}`);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^doc_/),
      debtorId,
      attachedTo: { kind: 'invoice', id: invoiceId },
      fileName: 'invoice D-1.pdf',
      status: 'pending_upload',
      uploadedBy: 'admin-1',
    });
    expect(created.body.upload.fields.key).toBe(`documents/doc-co/${debtorId}/${created.body.id}`);
    const before = await api.request('GET', `/v1/documents/${created.body.id}`, { token: admin });
    expect(before.body.status).toBe('pending_upload');
    expect(before.body.download).toBeUndefined();

    expect((await upload(created.body.upload, content)).status).toBe(204);

    const after = await api.request('GET', `/v1/documents/${created.body.id}`, { token: admin });
    expect(after.body).toMatchObject({ status: 'available', size: content.length });
    const download = await fetch(after.body.download.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('filename="invoice D-1.pdf"');
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);

    const audit = await api.request('GET', `/v1/audit?entityId=${created.body.id}`, { token: admin });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'document.announced',
      'document.pending_scan',
      'document.available',
    ]);
  });

  it('refuses a download link that was tampered with', async () => {
    const content = pdf('another');
    const created = await announce(admin, `/v1/debtors/${debtorId}/documents`, declaration(content));
    await upload(created.body.upload, content);
    const { body } = await api.request('GET', `/v1/documents/${created.body.id}`, { token: admin });
    // Another document's id: the last character changed (to one it is not already).
    const id: string = created.body.id;
    const other = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
    const tampered = body.download.url.replace(id, other);
    expect(tampered).not.toBe(body.download.url);
    expect((await fetch(tampered)).status).toBe(403);
  });

  it('serves the checked bytes even when the form is used again to overwrite them', async () => {
    const content = pdf('checked');
    const created = await announce(admin, `/v1/debtors/${debtorId}/documents`, declaration(content));
    expect((await upload(created.body.upload, content)).status).toBe(204);
    const swapped = Buffer.concat([pdf('swapped'), Buffer.from(EICAR, 'latin1')]);
    expect((await upload(created.body.upload, swapped.subarray(0, content.length))).status).toBe(204);
    const { body } = await api.request('GET', `/v1/documents/${created.body.id}`, { token: admin });
    expect(body.status).toBe('available');
    const download = await fetch(body.download.url);
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
  });

  it('replays an idempotent announcement and creates one document', async () => {
    const content = pdf('once');
    const headers = { 'idempotency-key': 'doc-once-1' };
    const first = await announce(
      admin,
      `/v1/debtors/${otherDebtorId}/documents`,
      declaration(content),
      headers,
    );
    const second = await announce(
      admin,
      `/v1/debtors/${otherDebtorId}/documents`,
      declaration(content),
      headers,
    );
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const list = await api.request('GET', `/v1/debtors/${otherDebtorId}/documents`, { token: admin });
    expect(list.body.items.map((document: { id: string }) => document.id)).toEqual([first.body.id]);
    const changed = await announce(
      admin,
      `/v1/debtors/${otherDebtorId}/documents`,
      declaration(content, { fileName: 'other.pdf' }),
      headers,
    );
    expect(changed.status).toBe(422);
  });
});

describe('what the store refuses', () => {
  it('answers 400 naming the field for a bad type, size or name', async () => {
    const bad = await announce(admin, `/v1/debtors/${debtorId}/documents`, {
      fileName: '   ',
      contentType: 'text/html',
      size: 10 * 1024 * 1024 + 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'contentType',
      'fileName',
      'size',
    ]);
  });

  it('lets storage refuse a file bigger than declared, and a type other than declared', async () => {
    const content = pdf('small');
    const created = await announce(admin, `/v1/debtors/${debtorId}/documents`, declaration(content));
    const tooBig = await upload(created.body.upload, Buffer.concat([content, Buffer.alloc(1000)]));
    expect(tooBig.status).toBe(400);
    expect(tooBig.text).toContain('EntityTooLarge');
    const wrongType = await upload(created.body.upload, content, { 'Content-Type': 'image/png' });
    expect(wrongType.status).toBe(403);
    expect(wrongType.text).toContain('Policy Condition failed');
    const otherKey = await upload(created.body.upload, content, {
      key: `documents/doc-co/${otherDebtorId}/${created.body.id}`,
    });
    expect(otherKey.status).toBe(403);
    const forged = await upload(created.body.upload, content, { 'X-Amz-Signature': '0'.repeat(64) });
    expect(forged.text).toContain('SignatureDoesNotMatch');
    const document = await api.request('GET', `/v1/documents/${created.body.id}`, { token: admin });
    expect(document.body.status).toBe('pending_upload');
  });

  it('rejects stored bytes that are not of the declared type', async () => {
    const content = Buffer.from('MZ this is not a PDF at all');
    const created = await announce(admin, `/v1/debtors/${debtorId}/documents`, declaration(content));
    expect((await upload(created.body.upload, content)).status).toBe(204);
    const document = await api.request('GET', `/v1/documents/${created.body.id}`, { token: admin });
    expect(document.body).toMatchObject({ status: 'rejected', rejectionReason: 'wrong_type' });
    expect(document.body.download).toBeUndefined();
  });

  it('rejects a file the malware scan flags (EICAR)', async () => {
    const content = Buffer.concat([pdf('evidence'), Buffer.from(EICAR, 'latin1')]);
    const created = await announce(admin, `/v1/debtors/${debtorId}/documents`, declaration(content));
    expect((await upload(created.body.upload, content)).status).toBe(204);
    const document = await api.request('GET', `/v1/documents/${created.body.id}`, { token: admin });
    expect(document.body).toMatchObject({ status: 'rejected', rejectionReason: 'infected' });
    expect(document.body.download).toBeUndefined();
  });
});

describe('who may see and attach documents', () => {
  let documentId: string;
  beforeAll(async () => {
    const content = pdf('contract');
    const created = await announce(
      admin,
      `/v1/debtors/${debtorId}/documents`,
      declaration(content, { fileName: 'contract.pdf', category: 'contract' }),
    );
    documentId = created.body.id;
    await upload(created.body.upload, content);
  });

  it('answers 404 to another tenant', async () => {
    const stranger = await api.token('other-co', ['admin']);
    expect((await api.request('GET', `/v1/documents/${documentId}`, { token: stranger })).status).toBe(404);
    const list = await api.request('GET', `/v1/debtors/${debtorId}/documents`, { token: stranger });
    expect(list.status).toBe(404);
    const attach = await announce(stranger, `/v1/invoices/${invoiceId}/documents`, declaration(pdf()));
    expect(attach.status).toBe(404);
  });

  it("keeps a debtor out of another debtor's documents", async () => {
    const other = await api.token('doc-co', ['debtor'], { sub: 'portal-initech', debtorId: otherDebtorId });
    expect((await api.request('GET', `/v1/documents/${documentId}`, { token: other })).status).toBe(404);
    expect((await api.request('GET', `/v1/debtors/${debtorId}/documents`, { token: other })).status).toBe(
      404,
    );
    const attach = await announce(other, `/v1/invoices/${invoiceId}/documents`, declaration(pdf()));
    expect(attach.status).toBe(404);
  });

  it('lets the auditor read but not upload', async () => {
    const auditor = await api.token('doc-co', ['auditor']);
    expect((await api.request('GET', `/v1/documents/${documentId}`, { token: auditor })).status).toBe(200);
    const attach = await announce(auditor, `/v1/debtors/${debtorId}/documents`, declaration(pdf()));
    expect(attach.status).toBe(403);
  });

  it('lets the debtor attach evidence to their dispute and list it by the dispute', async () => {
    const portal = await api.token('doc-co', ['debtor'], { sub: 'portal-globex', debtorId });
    const dispute = await api.request('POST', `/v1/invoices/${invoiceId}/disputes`, {
      token: portal,
      body: { reason: 'Goods delivered damaged' },
    });
    expect(dispute.status).toBe(201);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);
    const created = await announce(portal, `/v1/disputes/${dispute.body.id}/documents`, {
      fileName: 'C:\\fakepath\\damage<1>.jpg',
      contentType: 'image/jpeg',
      size: photo.length,
      category: 'dispute_evidence',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fileName: 'damage1.jpg',
      attachedTo: { kind: 'dispute', id: dispute.body.id },
      uploadedBy: 'portal-globex',
    });
    expect((await upload(created.body.upload, photo)).status).toBe(204);
    const list = await api.request('GET', `/v1/debtors/${debtorId}/documents?attachedTo=${dispute.body.id}`, {
      token: portal,
    });
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, status: 'available', contentType: 'image/jpeg' }),
    ]);
    const mine = await api.request('GET', `/v1/documents/${documentId}`, { token: portal });
    expect(mine.body.download.url).toEqual(expect.any(String));
  });

  it('attaches proof of payment to a payment of the debtor only', async () => {
    const payment = await api.request('POST', '/v1/payments', {
      token: admin,
      body: { debtorId: otherDebtorId, currency: 'EUR', amount: 1_000, receivedAt: '2027-02-20T10:00:00Z' },
    });
    expect(payment.status).toBe(201);
    const proof = declaration(pdf('remittance'), {
      category: 'proof_of_payment',
      attachedTo: { kind: 'payment', id: payment.body.id },
    });
    const attached = await announce(admin, `/v1/debtors/${otherDebtorId}/documents`, proof);
    expect(attached.status).toBe(201);
    expect(attached.body.attachedTo).toEqual({ kind: 'payment', id: payment.body.id });
    // The payment is another debtor's: the document would land in the wrong debtor's folder.
    const mismatched = await announce(admin, `/v1/debtors/${debtorId}/documents`, proof);
    expect(mismatched.status).toBe(404);
  });
});

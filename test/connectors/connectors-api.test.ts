/**
 * Accounting connectors through the local runtime and the QuickBooks Online stand-in: an admin
 * connects (authorize → consent → callback), a sync pulls customers, invoices, credit memos and
 * payments page by page and books them with exact balances; a second sync changes nothing; a
 * changed customer is updated; a 429 is waited out; an expired access token is refreshed (the
 * rotated refresh token kept); another tenant sees nothing of it.
 */
import { completeConnection } from '../../shared/app/connectors/complete-connection';
import { ConflictError, UpstreamError } from '../../shared/domain/errors';
import { ConnectorProviderError, type AccountingConnector } from '../../shared/ports/accounting-connector';
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

const REALM = '9130350000000001';
const OTHER_REALM = '9130350000000002';
let api: TestApi;
const waits: number[] = [];

beforeAll(async () => {
  api = await startTestApi({
    connectorPageSize: 2,
    // Waits are recorded, not slept: the test asserts the provider's Retry-After was honoured.
    connectorRetry: {
      attempts: 4,
      baseDelayMs: 10,
      maxWaitMs: 10_000,
      sleep: async (ms) => void waits.push(ms),
    },
  });
  await api.runtime.clock.moveTo(new Date('2027-03-10T09:00:00Z'));
});
afterAll(() => api.stop());

type Connection = {
  id: string;
  status: string;
  lastRun?: { outcome: string; pages: number; counts: Record<string, number>; skipped: unknown[] };
};

async function seedCompany() {
  const qbo = api.runtime.quickbooks;
  const acme = qbo.addCustomer(REALM, {
    DisplayName: 'Acme Tools Inc.',
    CompanyName: 'Acme Tools Inc.',
    PrimaryEmailAddr: { Address: 'ap@acme.example' },
    PrimaryPhone: { FreeFormNumber: '(212) 555-0100' },
    BillAddr: {
      Line1: '1 Main St',
      City: 'New York',
      CountrySubDivisionCode: 'NY',
      PostalCode: '10001',
      Country: 'USA',
    },
    Active: true,
  });
  const tokyo = qbo.addCustomer(REALM, {
    DisplayName: 'Tokyo Trading KK',
    CompanyName: 'Tokyo Trading KK',
    BillAddr: { City: 'Tokyo', Country: 'JP' },
    CurrencyRef: undefined,
  } as never);
  const kuwait = qbo.addCustomer(REALM, {
    DisplayName: 'Gulf Supplies',
    CompanyName: 'Gulf Supplies',
    BillAddr: { Country: 'KW' },
  });
  const first = qbo.addInvoice(REALM, {
    DocNumber: '1001',
    TxnDate: '2027-01-10',
    DueDate: '2027-02-09',
    TotalAmt: 1250.5,
    CurrencyRef: { value: 'USD' },
    CustomerRef: { value: acme.Id },
  });
  const second = qbo.addInvoice(REALM, {
    DocNumber: '1002',
    TxnDate: '2027-01-20',
    DueDate: '2027-02-19',
    TotalAmt: 500,
    CustomerRef: { value: acme.Id },
  });
  const large = qbo.addInvoice(REALM, {
    DocNumber: '1003',
    TxnDate: '2027-02-01',
    DueDate: '2027-03-03',
    TotalAmt: 1500,
    CustomerRef: { value: acme.Id },
  });
  const yen = qbo.addInvoice(REALM, {
    DocNumber: '2001',
    TxnDate: '2027-02-01',
    DueDate: '2027-03-01',
    TotalAmt: 125000,
    CurrencyRef: { value: 'JPY' },
    CustomerRef: { value: tokyo.Id },
  });
  const dinar = qbo.addInvoice(REALM, {
    DocNumber: '3001',
    TxnDate: '2027-02-01',
    DueDate: '2027-03-01',
    TotalAmt: 12.345,
    CurrencyRef: { value: 'KWD' },
    CustomerRef: { value: kuwait.Id },
  });
  const smallMemo = qbo.addCreditMemo(REALM, {
    DocNumber: 'CM-1',
    TxnDate: '2027-02-20',
    TotalAmt: 150,
    CustomerRef: { value: acme.Id },
  });
  const largeMemo = qbo.addCreditMemo(REALM, {
    DocNumber: 'CM-2',
    TxnDate: '2027-02-21',
    TotalAmt: 1200,
    CustomerRef: { value: acme.Id },
  });
  // Money for invoice 1001; credit memos applied to 1002 and 1003 by zero-amount payments.
  qbo.addPayment(REALM, {
    TxnDate: '2027-02-15',
    TotalAmt: 1000.25,
    PaymentRefNum: 'CHK-88',
    CustomerRef: { value: acme.Id },
    Line: [{ Amount: 1000.25, LinkedTxn: [{ TxnId: first.Id, TxnType: 'Invoice' }] }],
  });
  qbo.addPayment(REALM, {
    TxnDate: '2027-02-20',
    TotalAmt: 0,
    CustomerRef: { value: acme.Id },
    Line: [
      { Amount: 150, LinkedTxn: [{ TxnId: second.Id, TxnType: 'Invoice' }] },
      { Amount: 150, LinkedTxn: [{ TxnId: smallMemo.Id, TxnType: 'CreditMemo' }] },
    ],
  });
  qbo.addPayment(REALM, {
    TxnDate: '2027-02-21',
    TotalAmt: 0,
    CustomerRef: { value: acme.Id },
    Line: [
      { Amount: 1200, LinkedTxn: [{ TxnId: large.Id, TxnType: 'Invoice' }] },
      { Amount: 1200, LinkedTxn: [{ TxnId: largeMemo.Id, TxnType: 'CreditMemo' }] },
    ],
  });
  const yenPayment = qbo.addPayment(REALM, {
    TxnDate: '2027-02-25',
    TotalAmt: 100000,
    CurrencyRef: { value: 'JPY' },
    CustomerRef: { value: tokyo.Id },
    Line: [{ Amount: 100000, LinkedTxn: [{ TxnId: yen.Id, TxnType: 'Invoice' }] }],
  });
  return { acme, tokyo, kuwait, first, second, large, yen, dinar, yenPayment };
}

async function connect(admin: string): Promise<Connection> {
  const started = await api.request('POST', '/v1/connections', {
    token: admin,
    body: { provider: 'quickbooks', jurisdiction: 'US-NY' },
  });
  expect(started.status).toBe(201);
  expect(started.body.status).toBe('pending');
  // The stand-in's consent page sends the browser back to the callback at once.
  const consent = await fetch(started.body.authorizeUrl, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const callback = new URL(consent.headers.get('location')!);
  expect(callback.pathname).toBe('/v1/connections/callback');
  const completed = await api.request('GET', `${callback.pathname}${callback.search}`);
  expect(completed.status).toBe(200);
  expect(completed.body).toMatchObject({ id: started.body.id, status: 'active', organisationId: REALM });
  expect(JSON.stringify(completed.body)).not.toMatch(/token|nonce/i);
  // A state works once.
  const again = await api.request('GET', `${callback.pathname}${callback.search}`);
  expect(again.status).toBe(400);
  return completed.body;
}

/** Starts connecting and follows the consent page: the callback the browser is sent back to. */
async function consentTo(admin: string, realmId: string): Promise<{ id: string; callback: URL }> {
  api.runtime.quickbooks.consentRealmId = realmId;
  try {
    const started = await api.request('POST', '/v1/connections', {
      token: admin,
      body: { provider: 'quickbooks', jurisdiction: 'US-NY' },
    });
    expect(started.status).toBe(201);
    const consent = await fetch(started.body.authorizeUrl, { redirect: 'manual' });
    return { id: started.body.id, callback: new URL(consent.headers.get('location')!) };
  } finally {
    api.runtime.quickbooks.consentRealmId = REALM;
  }
}

async function sync(admin: string, id: string): Promise<Connection> {
  const queued = await api.request('POST', `/v1/connections/${id}/sync`, { token: admin });
  expect(queued.status).toBe(202);
  await api.runtime.syncs.idle();
  const list = await api.request('GET', '/v1/connections', { token: admin });
  return (list.body.items as Connection[]).find((connection) => connection.id === id)!;
}

async function debtorByRef(admin: string, ref: string) {
  const found = await api.request('GET', `/v1/debtors?search=${encodeURIComponent(ref)}`, { token: admin });
  expect(found.status).toBe(200);
  expect(found.body.items).toHaveLength(1);
  return api.request('GET', `/v1/debtors/${found.body.items[0].id}`, { token: admin });
}

async function invoicesOf(admin: string, debtorId: string) {
  const list = await api.request('GET', `/v1/debtors/${debtorId}/invoices`, { token: admin });
  expect(list.status).toBe(200);
  return Object.fromEntries(
    (list.body.items as { number: string; amount: number; outstanding: number; currency: string }[]).map(
      (invoice) => [invoice.number, invoice],
    ),
  );
}

describe('QuickBooks Online connector', () => {
  let admin: string;
  let connection: Connection;
  let company: Awaited<ReturnType<typeof seedCompany>>;

  beforeAll(async () => {
    admin = await api.token('books', ['admin'], { sub: 'books-admin' });
    const settings = await api.request('PUT', '/v1/settings', {
      token: admin,
      body: { timezone: 'America/New_York', baseCurrency: 'USD', approvalThresholds: { USD: 100_000 } },
    });
    expect(settings.status).toBe(200);
    company = await seedCompany();
  });

  it('connects through the consent page and the signed callback', async () => {
    connection = await connect(admin);
    // The tokens are in the table sealed: no token the stand-in issued is readable there.
    const stored = await api.runtime.services.connections.get('books', connection.id);
    expect(stored!.sealedTokens).toMatch(/^v1\./);
    expect(stored!.sealedTokens).not.toMatch(/RT1-|eyJlbmMi/);
    const tampered = await api.request(
      'GET',
      '/v1/connections/callback?code=x&state=v1.AAAA.BBBB.CCCC.DDDD&realmId=1',
    );
    expect(tampered.status).toBe(400);
  });

  it('refuses to connect a second QuickBooks company, whose record ids would collide', async () => {
    const { id, callback } = await consentTo(admin, OTHER_REALM);
    const refused = await api.request('GET', `${callback.pathname}${callback.search}`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toMatch(/another QuickBooks company.*only that company can be connected/);
    // The refused company's grant does not stay standing at Intuit.
    expect(api.runtime.quickbooks.revokedRealms).toEqual([OTHER_REALM]);
    const list = await api.request('GET', '/v1/connections', { token: admin });
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: connection.id, status: 'active', organisationId: REALM }),
      expect.objectContaining({ id, status: 'pending' }),
    ]);
    expect((await api.request('DELETE', `/v1/connections/${id}`, { token: admin })).status).toBe(200);
  });

  it('pulls every page and books customers, invoices, credit notes and payments exactly', async () => {
    const synced = await sync(admin, connection.id);
    expect(synced.lastRun).toMatchObject({ outcome: 'completed', counts: { updated: 0, skipped: 0 } });
    // 3 customers, 5 invoices, 4 payments (three with money), 2 credit notes applied.
    expect(synced.lastRun!.counts.created).toBe(3 + 5 + 2 + 2);
    // Page size 2: customers took two pages, the second from position 3.
    const customerQueries = api.runtime.quickbooks.queries.filter((query) => query.includes('FROM Customer'));
    expect(customerQueries.map((query) => / STARTPOSITION (\d+)/.exec(query)![1])).toEqual(['1', '3']);

    const acme = await debtorByRef(admin, `qbo:${company.acme.Id}`);
    expect(acme.body).toMatchObject({
      name: 'Acme Tools Inc.',
      jurisdiction: 'US-NY',
      timezone: 'America/New_York',
      phone: '+12125550100',
      externalRef: `qbo:${company.acme.Id}`,
    });
    const invoices = await invoicesOf(admin, acme.body.id);
    expect(invoices['1001']).toMatchObject({
      amount: 125_050,
      outstanding: 125_050 - 100_025,
      currency: 'USD',
    });
    expect(invoices['1002']).toMatchObject({ amount: 50_000, outstanding: 35_000 });
    // 1,200.00 is above the tenant's four-eyes threshold of 1,000.00: waiting for approval.
    expect(invoices['1003']).toMatchObject({ amount: 150_000, outstanding: 150_000 });
    const approvals = await api.request('GET', '/v1/approvals?status=pending', { token: admin });
    expect(approvals.body.items).toEqual([
      expect.objectContaining({ amount: 120_000, currency: 'USD', requestedBy: 'system:connector' }),
    ]);

    const tokyo = await debtorByRef(admin, `qbo:${company.tokyo.Id}`);
    expect(tokyo.body).toMatchObject({ jurisdiction: 'JP', timezone: 'Asia/Tokyo' });
    expect(await invoicesOf(admin, tokyo.body.id)).toMatchObject({
      '2001': { amount: 125_000, outstanding: 25_000, currency: 'JPY' },
    });
    const kuwait = await debtorByRef(admin, `qbo:${company.kuwait.Id}`);
    expect(await invoicesOf(admin, kuwait.body.id)).toMatchObject({
      '3001': { amount: 12_345, outstanding: 12_345, currency: 'KWD' },
    });
  });

  it('changes nothing when synced again', async () => {
    const audit = async () =>
      (await api.request('GET', '/v1/audit?limit=100', { token: admin })).body.items.length;
    const before = await audit();
    const synced = await sync(admin, connection.id);
    expect(synced.lastRun).toMatchObject({
      outcome: 'completed',
      counts: { created: 0, updated: 0, skipped: 0 },
    });
    expect(await audit()).toBe(before);
  });

  it('updates a customer changed in QuickBooks', async () => {
    await api.request('POST', '/dev/clock', { body: { advance: 'PT1H' } });
    api.runtime.quickbooks.update(REALM, 'Customer', company.acme.Id, {
      DisplayName: 'Acme Tools International',
      PrimaryEmailAddr: { Address: 'billing@acme.example' },
    });
    const synced = await sync(admin, connection.id);
    expect(synced.lastRun).toMatchObject({ outcome: 'completed', counts: { created: 0, updated: 1 } });
    const acme = await debtorByRef(admin, `qbo:${company.acme.Id}`);
    expect(acme.body).toMatchObject({ name: 'Acme Tools International', email: 'billing@acme.example' });
  });

  it('waits out a 429 for as long as Retry-After says', async () => {
    waits.length = 0;
    api.runtime.quickbooks.throttleNext(2, 3);
    const synced = await sync(admin, connection.id);
    expect(waits).toEqual([3000, 3000]);
    expect(synced.lastRun).toMatchObject({ outcome: 'completed' });
  });

  it('stops when the provider keeps refusing, and resumes from the cursor on the next run', async () => {
    await api.request('POST', '/dev/clock', { body: { advance: 'PT1H' } });
    api.runtime.quickbooks.update(REALM, 'Invoice', company.large.Id, { DueDate: '2027-03-20' });
    // The customers' page is read; all four of the adapter's attempts at the invoices' are refused.
    api.runtime.quickbooks.throttleNext(4, 2, 1);
    const stopped = await sync(admin, connection.id);
    expect(stopped.lastRun).toMatchObject({ outcome: 'rate_limited' });
    expect((stopped as { pull?: { cursor: string } }).pull?.cursor).toBeDefined();
    const queries = api.runtime.quickbooks.queries.length;
    const resumed = await sync(admin, connection.id);
    // Resumed at the invoices: the customers were not asked for again.
    expect(api.runtime.quickbooks.queries.slice(queries)[0]).toMatch(/^SELECT \* FROM Invoice /);
    expect(resumed.lastRun).toMatchObject({ outcome: 'completed', counts: { updated: 1 } });
    const acme = await debtorByRef(admin, `qbo:${company.acme.Id}`);
    expect((await invoicesOf(admin, acme.body.id))['1003']).toMatchObject({ dueDate: '2027-03-20' });
  });

  it('refreshes an expired access token and keeps the rotated refresh token', async () => {
    for (let round = 0; round < 2; round += 1) {
      api.runtime.quickbooks.expireAccessTokens();
      const synced = await sync(admin, connection.id);
      expect(synced.lastRun).toMatchObject({ outcome: 'completed' });
    }
  });

  it('records a payment changed in QuickBooks again once it is reversed in Recoup', async () => {
    const tokyo = await debtorByRef(admin, `qbo:${company.tokyo.Id}`);
    const payments = async () =>
      (await api.request('GET', `/v1/debtors/${tokyo.body.id}/payments`, { token: admin })).body.items as {
        id: string;
        amount: number;
        status: string;
      }[];
    const changeInQuickBooks = async (changes: Record<string, unknown>) => {
      api.runtime.quickbooks.update(REALM, 'Payment', company.yenPayment.Id, changes);
      // Past the watermark's margin: the sync after this one no longer pulls the payment.
      await api.request('POST', '/dev/clock', { body: { advance: 'PT1H' } });
    };
    const line = (amount: number) => [
      { Amount: amount, LinkedTxn: [{ TxnId: company.yen.Id, TxnType: 'Invoice' }] },
    ];

    await changeInQuickBooks({ TotalAmt: 90000, Line: line(90000) });
    const reported = await sync(admin, connection.id);
    expect(reported.lastRun!.counts).toMatchObject({ created: 0, skipped: 1 });
    expect(reported.lastRun!.skipped).toEqual([
      expect.objectContaining({
        kind: 'payment',
        sourceId: company.yenPayment.Id,
        reason: expect.stringMatching(/reverse it in Recoup, and a sync that pulls it again records it anew/),
      }),
    ]);
    const [recorded] = await payments();
    const reversal = await api.request('POST', `/v1/payments/${recorded!.id}/reverse`, {
      token: admin,
      body: { reason: 'Corrected to 90,000 in QuickBooks' },
    });
    expect(reversal.status).toBe(200);

    // Not pulled again until QuickBooks changes it: the watermark is past it.
    expect((await sync(admin, connection.id)).lastRun!.counts).toMatchObject({ created: 0, skipped: 0 });
    await changeInQuickBooks({ PaymentRefNum: 'WIRE-2027-0225' });
    const again = await sync(admin, connection.id);
    expect(again.lastRun!.counts).toMatchObject({ created: 1, skipped: 0 });
    expect(await payments()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: recorded!.id, amount: 100_000, status: 'reversed' }),
        expect.objectContaining({ amount: 90_000, status: 'applied' }),
      ]),
    );
    expect(await invoicesOf(admin, tokyo.body.id)).toMatchObject({ '2001': { outstanding: 35_000 } });
    expect((await sync(admin, connection.id)).lastRun!.counts).toMatchObject({ created: 0, skipped: 0 });

    // Reversed in Recoup but unchanged in QuickBooks: the reversal stands when it is pulled again.
    const revision = (await payments()).find((payment) => payment.status === 'applied')!;
    await api.request('POST', `/v1/payments/${revision.id}/reverse`, {
      token: admin,
      body: { reason: 'Returned by the bank' },
    });
    await changeInQuickBooks({ PrivateNote: 'Bank return noted' });
    const kept = await sync(admin, connection.id);
    expect(kept.lastRun!.counts).toMatchObject({ created: 0, skipped: 0 });
    expect((await payments()).filter((payment) => payment.status === 'applied')).toEqual([]);
  });

  it('adds collection notes to a synced invoice in QuickBooks', async () => {
    const acme = await debtorByRef(admin, `qbo:${company.acme.Id}`);
    const invoice = (await invoicesOf(admin, acme.body.id))['1001'] as unknown as { id: string };
    const collector = await api.token('books', ['collector'], { sub: 'books-collector' });
    const path = `/v1/invoices/${invoice.id}/accounting-note`;
    const first = await api.request('POST', path, {
      token: collector,
      body: { text: 'Promised to pay by Friday' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      provider: 'quickbooks',
      note: expect.stringMatching(/ Recoup: Promised to pay by Friday$/),
    });
    api.runtime.quickbooks.expireAccessTokens();
    expect(
      (await api.request('POST', path, { token: collector, body: { text: 'Called: no answer' } })).status,
    ).toBe(200);
    const stored = api.runtime.quickbooks.record(REALM, 'Invoice', company.first.Id);
    expect(String(stored.PrivateNote).split('\n')).toEqual([
      expect.stringMatching(/Promised to pay by Friday$/),
      expect.stringMatching(/Called: no answer$/),
    ]);
    const audit = await api.request('GET', `/v1/audit?entityId=${invoice.id}`, { token: admin });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toContain(
      'invoice.note_pushed',
    );
    // An invoice made by hand is not in QuickBooks.
    const own = await api.request('POST', '/v1/invoices', {
      token: admin,
      body: {
        debtorId: acme.body.id,
        number: 'HAND-1',
        currency: 'USD',
        amount: 1000,
        issueDate: '2027-03-01',
        dueDate: '2027-03-31',
      },
    });
    expect(
      (
        await api.request('POST', `/v1/invoices/${own.body.id}/accounting-note`, {
          token: collector,
          body: { text: 'x' },
        })
      ).status,
    ).toBe(422);
    // The note changed the invoice in QuickBooks, not what Recoup collects.
    const synced = await sync(admin, connection.id);
    expect(synced.lastRun).toMatchObject({
      outcome: 'completed',
      counts: { created: 0, updated: 0, skipped: 0 },
    });
    const other = await api.token('other-books', ['admin']);
    expect((await api.request('POST', path, { token: other, body: { text: 'x' } })).status).toBe(404);
  });

  it('pushes a note once when the request is retried with the same Idempotency-Key', async () => {
    const acme = await debtorByRef(admin, `qbo:${company.acme.Id}`);
    const invoice = (await invoicesOf(admin, acme.body.id))['1001'] as unknown as { id: string };
    const collector = await api.token('books', ['collector'], { sub: 'books-collector' });
    const send = () =>
      api.request('POST', `/v1/invoices/${invoice.id}/accounting-note`, {
        token: collector,
        body: { text: 'Sent the statement again' },
        headers: { 'idempotency-key': 'note-statement-1' },
      });
    const first = await send();
    expect(first.status).toBe(200);
    const retried = await send();
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(first.body);
    const lines = String(api.runtime.quickbooks.record(REALM, 'Invoice', company.first.Id).PrivateNote).split(
      '\n',
    );
    expect(lines.filter((line) => line.endsWith('Sent the statement again'))).toHaveLength(1);
  });

  it('pushes a note once when two retries of one request race each other', async () => {
    const acme = await debtorByRef(admin, `qbo:${company.acme.Id}`);
    const invoice = (await invoicesOf(admin, acme.body.id))['1001'] as unknown as { id: string };
    const send = () =>
      api.request('POST', `/v1/invoices/${invoice.id}/accounting-note`, {
        token: admin,
        body: { text: 'Called the buyer about the statement' },
        headers: { 'idempotency-key': 'note-race-1' },
      });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const lines = String(api.runtime.quickbooks.record(REALM, 'Invoice', company.first.Id).PrivateNote).split(
      '\n',
    );
    expect(lines.filter((line) => line.endsWith('Called the buyer about the statement'))).toHaveLength(1);
  });

  it('pushes a note to the company the invoice came from, whichever connection is listed first', async () => {
    // A connection to another company made before a second one was refused, listed first.
    const now = new Date().toISOString();
    const foreign = {
      id: 'con_00000000000000000000000000',
      tenantId: 'books',
      provider: 'quickbooks' as const,
      status: 'active' as const,
      organisationId: OTHER_REALM,
      defaults: { currency: 'USD' },
      createdAt: now,
      createdBy: 'books-admin',
      updatedAt: now,
      version: 1,
    };
    await api.runtime.services.connections.create(foreign, { audit: [] });
    try {
      const acme = await debtorByRef(admin, `qbo:${company.acme.Id}`);
      const invoice = (await invoicesOf(admin, acme.body.id))['1002'] as unknown as { id: string };
      const collector = await api.token('books', ['collector'], { sub: 'books-collector' });
      const pushed = await api.request('POST', `/v1/invoices/${invoice.id}/accounting-note`, {
        token: collector,
        body: { text: 'Asked for the remittance advice' },
      });
      expect(pushed.status).toBe(200);
      expect(pushed.body.connectionId).toBe(connection.id);
      const stored = api.runtime.quickbooks.record(REALM, 'Invoice', company.second.Id);
      expect(String(stored.PrivateNote)).toMatch(/Asked for the remittance advice$/);
    } finally {
      await api.runtime.services.connections.remove(foreign, { audit: [] });
    }
  });

  it('shows another tenant nothing', async () => {
    const other = await api.token('other-books', ['admin']);
    const list = await api.request('GET', '/v1/connections', { token: other });
    expect(list.body.items).toEqual([]);
    const debtors = await api.request('GET', `/v1/debtors?search=qbo:${company.acme.Id}`, { token: other });
    expect(debtors.body.items).toEqual([]);
    expect(
      (await api.request('POST', `/v1/connections/${connection.id}/sync`, { token: other })).status,
    ).toBe(404);
    expect((await api.request('DELETE', `/v1/connections/${connection.id}`, { token: other })).status).toBe(
      404,
    );
    const collector = await api.token('books', ['collector']);
    expect((await api.request('GET', '/v1/connections', { token: collector })).status).toBe(403);
  });

  it('asks for a new authorization when the grant is revoked', async () => {
    api.runtime.quickbooks.revokeGrants();
    const failed = await sync(admin, connection.id);
    expect(failed).toMatchObject({ status: 'reauthorization_required', lastRun: { outcome: 'failed' } });
    const refused = await api.request('POST', `/v1/connections/${connection.id}/sync`, { token: admin });
    expect(refused.status).toBe(422);
  });

  it('disconnects, keeping what was synced', async () => {
    const deleted = await api.request('DELETE', `/v1/connections/${connection.id}`, { token: admin });
    expect(deleted.status).toBe(200);
    expect((await api.request('GET', '/v1/connections', { token: admin })).body.items).toEqual([]);
    await debtorByRef(admin, `qbo:${company.acme.Id}`);
  });

  it('still refuses another company once disconnected, and takes the same company again', async () => {
    // The records synced from the first company stay, under its ids.
    const other = await consentTo(admin, OTHER_REALM);
    const refused = await api.request('GET', `${other.callback.pathname}${other.callback.search}`);
    expect(refused.status).toBe(409);
    const same = await consentTo(admin, REALM);
    const accepted = await api.request('GET', `${same.callback.pathname}${same.callback.search}`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'active', organisationId: REALM });
    // Disconnecting revokes the grant at Intuit (before, the stand-in had revoked them all itself).
    const revokedBefore = api.runtime.quickbooks.revokedRealms.length;
    expect(
      (await api.request('DELETE', `/v1/connections/${accepted.body.id}`, { token: admin })).status,
    ).toBe(200);
    expect(api.runtime.quickbooks.revokedRealms.slice(revokedBefore)).toEqual([REALM]);
    // Two callbacks racing past the check: the binding, written with the connection, settles it.
    const pending = (await api.runtime.services.connections.get('books', other.id))!;
    const raced = { ...pending, status: 'active' as const, organisationId: OTHER_REALM, version: 2 };
    await expect(
      api.runtime.services.connections.saveAuthorized(pending, raced, { audit: [] }, true),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await api.runtime.services.connections.get('books', other.id))!.status).toBe('pending');
  });
});

describe('a tenant with two QuickBooks companies connected before one was refused', () => {
  it('refuses to push a note rather than guess the company', async () => {
    const admin = await api.token('legacy-books', ['admin'], { sub: 'legacy-admin' });
    const now = new Date().toISOString();
    for (const [id, organisationId] of [
      ['con_00000000000000000000000001', REALM],
      ['con_00000000000000000000000002', OTHER_REALM],
    ] as const) {
      await api.runtime.services.connections.create(
        {
          id,
          tenantId: 'legacy-books',
          provider: 'quickbooks',
          status: 'active',
          organisationId,
          defaults: { currency: 'USD' },
          createdAt: now,
          createdBy: 'legacy-admin',
          updatedAt: now,
          version: 1,
        },
        { audit: [] },
      );
    }
    const debtor = await api.request('POST', '/v1/debtors', { token: admin, body: sampleDebtor() });
    const invoice = await api.request('POST', '/v1/invoices', {
      token: admin,
      body: {
        debtorId: debtor.body.id,
        number: '1001',
        currency: 'USD',
        amount: 1000,
        issueDate: '2027-03-01',
        dueDate: '2027-03-31',
        externalRef: 'qbo:Invoice:1',
      },
    });
    expect(invoice.status).toBe(201);
    const pushed = await api.request('POST', `/v1/invoices/${invoice.body.id}/accounting-note`, {
      token: admin,
      body: { text: 'x' },
    });
    expect(pushed.status).toBe(409);
    expect(pushed.body.detail).toMatch(/More than one quickbooks organisation is connected/);
  });
});

describe('an authorization QuickBooks refuses', () => {
  let admin: string;

  /** A pending connection and the callback the consent page sends the browser back to. */
  async function consented(): Promise<URL> {
    const started = await api.request('POST', '/v1/connections', {
      token: admin,
      body: { provider: 'quickbooks', currency: 'USD' },
    });
    expect(started.status).toBe(201);
    const consent = await fetch(started.body.authorizeUrl, { redirect: 'manual' });
    return new URL(consent.headers.get('location')!);
  }

  beforeAll(async () => {
    admin = await api.token('refused-books', ['admin'], { sub: 'refused-admin' });
  });

  it('answers 400 problem+json, not 500, when the code is refused', async () => {
    const callback = await consented();
    callback.searchParams.set('code', 'AB11-not-issued');
    const refused = await api.request('GET', `${callback.pathname}${callback.search}`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 400,
      errors: [{ path: 'code', message: expect.stringMatching(/refused by QuickBooks.*connect again/) }],
    });
  });

  it('answers 400 when the callback names no company', async () => {
    const callback = await consented();
    callback.searchParams.delete('realmId');
    const refused = await api.request('GET', `${callback.pathname}${callback.search}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: [{ path: 'realmId' }] });
  });

  it('answers 502 when the provider fails otherwise', async () => {
    const callback = await consented();
    // The stand-in's token endpoint does not fail this way: a connector whose exchange does.
    const failing = {
      provider: 'quickbooks',
      exchangeCode: () => Promise.reject(new ConnectorProviderError(503, 'temporarily_unavailable')),
    } as unknown as AccountingConnector;
    const attempt = completeConnection(
      { ...api.runtime.services, connectors: { quickbooks: failing } },
      { code: callback.searchParams.get('code')!, state: callback.searchParams.get('state')! },
    );
    await expect(attempt).rejects.toBeInstanceOf(UpstreamError);
    await expect(attempt).rejects.toThrow(
      /QuickBooks did not complete the authorization \(it answered 503\)/,
    );
  });

  it('answers 502 when the provider cannot be reached at all', async () => {
    for (const failure of [new TypeError('fetch failed'), new DOMException('timed out', 'TimeoutError')]) {
      const callback = await consented();
      const unreachable = {
        provider: 'quickbooks',
        exchangeCode: () => Promise.reject(failure),
      } as unknown as AccountingConnector;
      const attempt = completeConnection(
        { ...api.runtime.services, connectors: { quickbooks: unreachable } },
        { code: callback.searchParams.get('code')!, state: callback.searchParams.get('state')! },
      );
      await expect(attempt).rejects.toBeInstanceOf(UpstreamError);
      await expect(attempt).rejects.toThrow(/QuickBooks could not be reached/);
    }
  });
});

/**
 * The Xero connector through the local runtime and the Xero stand-in: connect (the organisation
 * from Xero's connections endpoint), a sync pages through contacts, ACCREC invoices, credit notes
 * with their allocations and payments, with exact balances; a second sync changes nothing; a 429
 * and an expired access token are handled; drafts and supplier bills are not collected.
 */
import { startTestApi, type TestApi } from '../support/local-api';

const ORGANISATION = 'a3b9c1d2-0000-4000-8000-000000000001';
let api: TestApi;
const waits: number[] = [];

beforeAll(async () => {
  api = await startTestApi({
    connectorPageSize: 2,
    connectorRetry: {
      attempts: 4,
      baseDelayMs: 10,
      maxWaitMs: 120_000,
      sleep: async (ms) => void waits.push(ms),
    },
  });
  await api.runtime.clock.moveTo(new Date('2027-03-10T09:00:00Z'));
});
afterAll(() => api.stop());

type Connection = {
  id: string;
  status: string;
  organisationId?: string;
  lastRun?: { outcome: string; counts: Record<string, number>; skipped: { reason: string }[] };
};

function seedOrganisation() {
  const xero = api.runtime.xero;
  const contact = (name: string, country: string, extra: object = {}) =>
    xero.addContact(ORGANISATION, {
      Name: name,
      IsCustomer: true,
      ContactStatus: 'ACTIVE',
      Addresses: [
        {
          AddressType: 'POBOX',
          AddressLine1: '1 High Street',
          City: 'London',
          PostalCode: 'EC1A 1AA',
          Country: country,
        },
      ],
      ...extra,
    });
  const globex = contact('Globex Ltd', 'GB', {
    EmailAddress: 'ap@globex.example',
    Phones: [{ PhoneType: 'DEFAULT', PhoneCountryCode: '44', PhoneAreaCode: '20', PhoneNumber: '7946 0958' }],
  });
  const initech = contact('Initech GmbH', 'Germany');
  const hooli = contact('Hooli BV', 'NL');
  // A supplier: not pulled.
  xero.addContact(ORGANISATION, {
    Name: 'Paper Supplies',
    IsCustomer: false,
    UpdatedDateUTC: undefined,
  } as never);
  const invoice = (
    contactId: string,
    number: string,
    total: number,
    currency: string,
    status = 'AUTHORISED',
  ) =>
    xero.addInvoice(ORGANISATION, {
      Type: 'ACCREC',
      InvoiceNumber: number,
      Contact: { ContactID: contactId },
      DateString: '2027-01-15T00:00:00',
      DueDateString: '2027-02-14T00:00:00',
      Status: status as never,
      Total: total,
      CurrencyCode: currency,
    });
  const first = invoice(globex.ContactID, 'INV-0001', 1250.5, 'GBP');
  const second = invoice(globex.ContactID, 'INV-0002', 99.99, 'GBP');
  const euro = invoice(initech.ContactID, 'INV-0003', 4000, 'EUR');
  invoice(hooli.ContactID, 'INV-0004', 10, 'EUR', 'DRAFT');
  xero.addInvoice(ORGANISATION, {
    Type: 'ACCPAY',
    InvoiceNumber: 'BILL-1',
    Contact: { ContactID: hooli.ContactID },
    DateString: '2027-01-15T00:00:00',
    Status: 'AUTHORISED',
    Total: 500,
    CurrencyCode: 'EUR',
  });
  xero.addCreditNote(ORGANISATION, {
    Type: 'ACCRECCREDIT',
    CreditNoteNumber: 'CN-0001',
    Contact: { ContactID: globex.ContactID },
    DateString: '2027-02-01T00:00:00',
    Status: 'PAID',
    Total: 99.99,
    CurrencyCode: 'GBP',
    Allocations: [{ AllocationID: 'alloc-1', Amount: 99.99, Invoice: { InvoiceID: second.InvoiceID } }],
  });
  xero.addPayment(ORGANISATION, {
    Date: `/Date(${Date.parse('2027-02-20T00:00:00Z')}+0000)/`,
    Amount: 250.5,
    Reference: 'BACS 20-02',
    Status: 'AUTHORISED',
    PaymentType: 'ACCRECPAYMENT',
    Invoice: { InvoiceID: first.InvoiceID, Contact: { ContactID: globex.ContactID }, CurrencyCode: 'GBP' },
  });
  xero.addPayment(ORGANISATION, {
    Date: `/Date(${Date.parse('2027-02-21T00:00:00Z')}+0000)/`,
    Amount: 1000,
    Status: 'AUTHORISED',
    PaymentType: 'ACCRECPAYMENT',
    Invoice: { InvoiceID: euro.InvoiceID, Contact: { ContactID: initech.ContactID }, CurrencyCode: 'EUR' },
  });
  return { globex, initech, hooli };
}

async function sync(admin: string, id: string): Promise<Connection> {
  expect((await api.request('POST', `/v1/connections/${id}/sync`, { token: admin })).status).toBe(202);
  await api.runtime.syncs.idle();
  const list = await api.request('GET', '/v1/connections', { token: admin });
  return (list.body.items as Connection[]).find((connection) => connection.id === id)!;
}

async function invoicesOfRef(admin: string, ref: string) {
  const found = await api.request('GET', `/v1/debtors?search=${encodeURIComponent(ref)}`, { token: admin });
  expect(found.body.items).toHaveLength(1);
  const debtor = await api.request('GET', `/v1/debtors/${found.body.items[0].id}`, { token: admin });
  const list = await api.request('GET', `/v1/debtors/${debtor.body.id}/invoices`, { token: admin });
  return {
    debtor: debtor.body,
    invoices: Object.fromEntries(
      (list.body.items as { number: string }[]).map((item) => [item.number, item]),
    ),
  };
}

describe('Xero connector', () => {
  let admin: string;
  let connection: Connection;
  let organisation: ReturnType<typeof seedOrganisation>;

  beforeAll(async () => {
    admin = await api.token('ledgers', ['admin']);
    await api.request('PUT', '/v1/settings', {
      token: admin,
      body: { timezone: 'Europe/London', baseCurrency: 'GBP' },
    });
    organisation = seedOrganisation();
  });

  it('connects: the organisation comes from Xero’s connections', async () => {
    const started = await api.request('POST', '/v1/connections', {
      token: admin,
      body: { provider: 'xero' },
    });
    expect(started.status).toBe(201);
    expect(new URL(started.body.authorizeUrl).searchParams.get('scope')).toContain('offline_access');
    const consent = await fetch(started.body.authorizeUrl, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location')!);
    // As Xero sends it back: code, scope and state.
    expect(callback.searchParams.get('scope')).toContain('accounting.transactions.read');
    const completed = await api.request('GET', `${callback.pathname}${callback.search}`);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({
      status: 'active',
      organisationId: ORGANISATION,
      provider: 'xero',
    });
    connection = completed.body;
  });

  it('pulls customers, receivable invoices, allocated credit notes and payments exactly', async () => {
    waits.length = 0;
    api.runtime.xero.throttleNext(1, 60);
    api.runtime.xero.expireAccessTokens();
    const synced = await sync(admin, connection.id);
    expect(waits).toEqual([60_000]);
    expect(synced.lastRun).toMatchObject({
      outcome: 'completed',
      counts: { created: 3 + 3 + 1 + 2, updated: 0 },
    });
    // The draft is not owed yet: reported, not collected.
    expect(synced.lastRun!.skipped.map((skipped) => skipped.reason)).toEqual([
      'not owed when it was synced (voided, deleted or not yet approved)',
    ]);
    expect(
      api.runtime.xero.requests.some((request) => request.includes('/api.xro/2.0/Contacts?page=2')),
    ).toBe(true);

    const globex = await invoicesOfRef(admin, `xero:${organisation.globex.ContactID}`);
    expect(globex.debtor).toMatchObject({
      name: 'Globex Ltd',
      jurisdiction: 'GB',
      timezone: 'Europe/London',
      phone: '+442079460958',
    });
    expect(globex.invoices).toMatchObject({
      'INV-0001': { amount: 125_050, outstanding: 100_000, currency: 'GBP' },
      'INV-0002': { amount: 9_999, outstanding: 0, status: 'paid' },
    });
    const initech = await invoicesOfRef(admin, `xero:${organisation.initech.ContactID}`);
    expect(initech.debtor).toMatchObject({ jurisdiction: 'DE', timezone: 'Europe/Berlin' });
    expect(initech.invoices).toMatchObject({
      'INV-0003': { amount: 400_000, outstanding: 300_000, currency: 'EUR' },
    });
    const suppliers = await api.request('GET', '/v1/debtors?search=Paper', { token: admin });
    expect(suppliers.body.items).toEqual([]);
  });

  it('changes nothing when synced again, and follows a changed due date', async () => {
    const again = await sync(admin, connection.id);
    expect(again.lastRun).toMatchObject({ outcome: 'completed', counts: { created: 0, updated: 0 } });
    await api.request('POST', '/dev/clock', { body: { advance: 'PT2H' } });
    const { invoices } = await invoicesOfRef(admin, `xero:${organisation.globex.ContactID}`);
    const sourceId = (invoices['INV-0001'] as unknown as { externalRef: string }).externalRef
      .split(':')
      .at(-1)!;
    api.runtime.xero.update(ORGANISATION, 'Invoices', sourceId, { DueDateString: '2027-03-31T00:00:00' });
    const changed = await sync(admin, connection.id);
    expect(changed.lastRun).toMatchObject({ counts: { created: 0, updated: 1 } });
    const after = await invoicesOfRef(admin, `xero:${organisation.globex.ContactID}`);
    expect(after.invoices['INV-0001']).toMatchObject({ dueDate: '2027-03-31', outstanding: 100_000 });
  });

  it('disconnects this organisation alone at Xero (DELETE /connections/{id}), refreshing the expired token first', async () => {
    const deleted = await api.request('DELETE', `/v1/connections/${connection.id}`, { token: admin });
    expect(deleted.status).toBe(200);
    expect(api.runtime.xero.revokedTenants).toEqual([ORGANISATION]);
    // What was synced stays the tenant's.
    const { invoices } = await invoicesOfRef(admin, `xero:${organisation.globex.ContactID}`);
    expect(invoices['INV-0001']).toMatchObject({ outstanding: 100_000 });
  });
});

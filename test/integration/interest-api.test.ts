import { localDate } from '../../shared/domain/time/calendar-date';
import { interestView } from '../../shared/http/schemas/interest';
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let accountant: string;

beforeAll(async () => {
  api = await startTestApi();
  accountant = await api.token('interest-co', ['accountant'], { sub: 'ann' });
});
afterAll(() => api.stop());

const gbBusiness = (overrides: Record<string, unknown> = {}) =>
  sampleDebtor({ name: 'Acme Widgets Ltd', timezone: 'Europe/London', jurisdiction: 'GB', ...overrides });

async function newDebtor(body: Record<string, unknown>) {
  const debtor = await api.request('POST', '/v1/debtors', { token: accountant, body });
  expect(debtor.status).toBe(201);
  return debtor.body.id as string;
}

let counter = 0;
async function newInvoice(debtorId: string, overrides: Record<string, unknown> = {}) {
  const invoice = await api.request('POST', '/v1/invoices', {
    token: accountant,
    body: {
      debtorId,
      number: `INT-${++counter}`,
      currency: 'GBP',
      amount: 500_000,
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      ...overrides,
    },
  });
  expect(invoice.status).toBe(201);
  return invoice.body.id as string;
}

async function pay(
  debtorId: string,
  invoiceId: string,
  amount: number,
  receivedAt: string,
  currency = 'GBP',
) {
  const payment = await api.request('POST', '/v1/payments', {
    token: accountant,
    body: { debtorId, currency, amount, receivedAt, allocations: [{ invoiceId, amount }] },
  });
  expect(payment.status).toBe(201);
  return payment.body as { id: string };
}

async function interest(invoiceId: string, asOf?: string, token = accountant) {
  const query = asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`;
  return api.request('GET', `/v1/invoices/${invoiceId}/interest${query}`, { token });
}

const sumOfDays = (periods: { days: number }[]) => periods.reduce((total, period) => total + period.days, 0);

describe('late-payment interest API', () => {
  it('stops interest at the payment that settles a GB business debt (domain rules §6 example)', async () => {
    const debtorId = await newDebtor(gbBusiness());
    const invoiceId = await newInvoice(debtorId);
    await pay(debtorId, invoiceId, 500_000, '2026-04-01T10:00:00Z');

    const response = await interest(invoiceId, '2026-04-30');
    expect(response.status).toBe(200);
    expect(() => interestView.parse(response.body)).not.toThrow();
    // Bank Rate on 31 Dec 2025 was 3.75% (the worked example's 4.00% is example data): 11.75% a year.
    // £5,000 × 11.75% × 60 / 365 = £96.5753… → £96.58.
    expect(response.body).toEqual({
      invoiceId,
      debtorId,
      currency: 'GBP',
      dueDate: '2026-01-31',
      asOf: '2026-04-30',
      debtKind: 'business',
      jurisdiction: 'GB',
      rulePack: 'GB',
      basis: 'statutory',
      legalBasis: expect.stringContaining('Late Payment of Commercial Debts (Interest) Act 1998'),
      daysLate: 89,
      lateDebt: 500_000,
      interest: 9_658,
      compensation: 7_000,
      total: 16_658,
      periods: [
        {
          from: '2026-02-01',
          to: '2026-04-01',
          days: 60,
          principal: 500_000,
          annualRatePercent: '11.75',
          reference: { ratePercent: '3.75', fixedOn: '2025-12-31' },
          dayCountBasis: 365,
          interest: 9_658,
          exactInterest: expect.objectContaining({ numerator: expect.any(String) }),
        },
      ],
      warnings: [],
    });
    expect(sumOfDays(response.body.periods)).toBe(60);

    // As of the payment date itself: 60 days late, the same figures.
    const atPayment = await interest(invoiceId, '2026-04-01');
    expect(atPayment.body).toMatchObject({
      daysLate: 60,
      interest: 9_658,
      compensation: 7_000,
      total: 16_658,
    });
  });

  it('lowers the principal from the day after a partial payment', async () => {
    const debtorId = await newDebtor(gbBusiness({ name: 'Partial Payer Ltd' }));
    const partlyPaid = await newInvoice(debtorId);
    const unpaid = await newInvoice(debtorId);
    await pay(debtorId, partlyPaid, 200_000, '2026-03-02T09:00:00Z');

    const withPayment = (await interest(partlyPaid, '2026-04-30')).body;
    const without = (await interest(unpaid, '2026-04-30')).body;
    expect(without).toMatchObject({ daysLate: 89, interest: 14_325, compensation: 7_000 });
    expect(withPayment.periods).toEqual([
      expect.objectContaining({ from: '2026-02-01', to: '2026-03-02', days: 30, principal: 500_000 }),
      expect.objectContaining({ from: '2026-03-03', to: '2026-04-30', days: 59, principal: 300_000 }),
    ]);
    // (500,000 × 30 + 300,000 × 59) × 11.75% / 365 = 10,526.71 → 10,527.
    expect(withPayment).toMatchObject({
      daysLate: 89,
      lateDebt: 500_000,
      interest: 10_527,
      compensation: 7_000,
    });
    expect(withPayment.interest).toBeLessThan(without.interest);
    expect(sumOfDays(withPayment.periods)).toBe(89);
  });

  it('ignores a reversed payment', async () => {
    const debtorId = await newDebtor(gbBusiness({ name: 'Bounced Cheque Ltd' }));
    const invoiceId = await newInvoice(debtorId);
    const bounced = await pay(debtorId, invoiceId, 500_000, '2026-02-10T09:00:00Z');
    const reversed = await api.request('POST', `/v1/payments/${bounced.id}/reverse`, {
      token: accountant,
      body: { reason: 'Returned: insufficient funds' },
    });
    expect(reversed.status).toBe(200);
    expect((await interest(invoiceId, '2026-04-30')).body).toMatchObject({ daysLate: 89, interest: 14_325 });
  });

  it('charges no statutory interest or compensation on a consumer debt', async () => {
    const debtorId = await newDebtor(gbBusiness({ name: 'Jane Doe', kind: 'person' }));
    const invoiceId = await newInvoice(debtorId);
    const response = await interest(invoiceId, '2026-04-30');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      debtKind: 'consumer',
      rulePack: 'GB',
      basis: 'none',
      daysLate: 89,
      interest: 0,
      compensation: 0,
      total: 0,
      periods: [],
      reason: 'consumer_debt',
    });
    expect(response.body.legalBasis).toBeUndefined();
  });

  it('answers basis none where no statutory late interest exists (US)', async () => {
    const debtorId = await newDebtor(
      sampleDebtor({ name: 'Empire Corp', timezone: 'America/New_York', jurisdiction: 'US-NY' }),
    );
    const invoiceId = await newInvoice(debtorId, { currency: 'USD' });
    const response = await interest(invoiceId, '2026-04-30');
    expect(response.status).toBe(200);
    expect(() => interestView.parse(response.body)).not.toThrow();
    expect(response.body).toMatchObject({
      currency: 'USD',
      debtKind: 'business',
      jurisdiction: 'US-NY',
      basis: 'none',
      daysLate: 89,
      interest: 0,
      compensation: 0,
      total: 0,
      periods: [],
      warnings: [],
      reason: 'no_statutory_late_interest',
    });
    expect(response.body.rulePack).toBeUndefined();
  });

  it('applies the German pack half-year by half-year, and the EU pack elsewhere in the Union', async () => {
    const german = await newDebtor(sampleDebtor({ name: 'Globex GmbH' }));
    const germanInvoice = await newInvoice(german, {
      currency: 'EUR',
      amount: 1_000_000,
      issueDate: '2025-05-01',
      dueDate: '2025-05-31',
    });
    const de = (await interest(germanInvoice, '2025-08-29')).body;
    expect(de).toMatchObject({ rulePack: 'DE', basis: 'statutory', daysLate: 90, compensation: 4_000 });
    expect(de.periods).toEqual([
      expect.objectContaining({ from: '2025-06-01', to: '2025-06-30', annualRatePercent: '11.27' }),
      expect.objectContaining({ from: '2025-07-01', to: '2025-08-29', annualRatePercent: '10.27' }),
    ]);

    const french = await newDebtor(
      sampleDebtor({ name: 'Société Anonyme', timezone: 'Europe/Paris', jurisdiction: 'FR' }),
    );
    const frenchInvoice = await newInvoice(french, { currency: 'EUR' });
    expect((await interest(frenchInvoice, '2026-04-30')).body).toMatchObject({
      rulePack: 'EU',
      basis: 'statutory',
      legalBasis: expect.stringContaining('2011/7/EU'),
      compensation: 4_000,
    });
  });

  it("defaults asOf to today in the debtor's time zone", async () => {
    const debtorId = await newDebtor(gbBusiness({ name: 'Today Ltd' }));
    const invoiceId = await newInvoice(debtorId);
    const response = await interest(invoiceId);
    expect(response.status).toBe(200);
    expect(response.body.asOf).toBe(localDate(api.runtime.clock.now(), 'Europe/London'));
  });

  it('reports nothing owed before the due date', async () => {
    const debtorId = await newDebtor(gbBusiness({ name: 'Early Ltd' }));
    const invoiceId = await newInvoice(debtorId);
    expect((await interest(invoiceId, '2026-01-31')).body).toMatchObject({
      basis: 'statutory',
      daysLate: 0,
      interest: 0,
      compensation: 0,
      reason: 'not_overdue',
    });
  });

  it('is readable by an auditor and the debtor, and not by another tenant', async () => {
    const debtorId = await newDebtor(gbBusiness({ name: 'Visible Ltd' }));
    const invoiceId = await newInvoice(debtorId);
    const auditor = await api.token('interest-co', ['auditor']);
    expect((await interest(invoiceId, '2026-04-30', auditor)).status).toBe(200);
    const portal = await api.token('interest-co', ['debtor'], { debtorId });
    expect((await interest(invoiceId, '2026-04-30', portal)).status).toBe(200);
    const otherPortal = await api.token('interest-co', ['debtor'], {
      debtorId: 'dbt_01JD7X2M4K8Q9R3S5T6V7W8X9Y',
    });
    expect((await interest(invoiceId, '2026-04-30', otherPortal)).status).toBe(404);
    const otherTenant = await api.token('someone-else', ['admin']);
    expect((await interest(invoiceId, '2026-04-30', otherTenant)).status).toBe(404);
    expect((await api.request('GET', `/v1/invoices/${invoiceId}/interest`)).status).toBe(401);
  });

  it('refuses an invalid asOf, unknown query fields and an asOf before the issue date (400)', async () => {
    const debtorId = await newDebtor(gbBusiness({ name: 'Strict Ltd' }));
    const invoiceId = await newInvoice(debtorId);
    for (const asOf of ['2026-02-30', '30/04/2026', 'today', '']) {
      const response = await interest(invoiceId, asOf);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'query.asOf' })]);
    }
    const unknown = await api.request('GET', `/v1/invoices/${invoiceId}/interest?asOf=2026-04-30&rate=4`, {
      token: accountant,
    });
    expect(unknown.status).toBe(400);
    const beforeIssue = await interest(invoiceId, '2025-12-31');
    expect(beforeIssue.status).toBe(400);
    expect(beforeIssue.body.errors).toEqual([expect.objectContaining({ path: 'query.asOf' })]);
    expect((await interest(invoiceId, '2026-01-01')).status).toBe(200);
    expect((await api.request('GET', '/v1/invoices/not-an-id/interest', { token: accountant })).status).toBe(
      400,
    );
  });

  it('is documented in the OpenAPI document', async () => {
    const document = (await api.request('GET', '/v1/openapi.json')).body;
    expect(document.paths['/v1/invoices/{id}/interest'].get.operationId).toBe('getInvoiceInterest');
    expect(document.components.schemas.LateInterest).toBeDefined();
  });
});

describe('reference rates on record', () => {
  let local: TestApi;
  beforeAll(async () => {
    local = await startTestApi();
  });
  afterAll(() => local.stop());

  it('refuses with 422, not 500, an invoice older than the rates on record', async () => {
    const token = await local.token('old-debts', ['accountant']);
    const debtor = await local.request('POST', '/v1/debtors', {
      token,
      body: { name: 'Old Ltd', kind: 'business', timezone: 'Europe/London', jurisdiction: 'GB' },
    });
    const invoice = await local.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId: debtor.body.id,
        number: 'OLD-1',
        currency: 'GBP',
        amount: 100_000,
        issueDate: '2015-01-01',
        dueDate: '2015-01-31',
      },
    });
    const interest = await local.request('GET', `/v1/invoices/${invoice.body.id}/interest?asOf=2015-06-30`, {
      token,
    });
    expect(interest.status).toBe(422);
  });
});

/**
 * Credit checks through the local API: the real Creditsafe adapter against the local Creditsafe
 * Connect stand-in — a GB company found by its registration number, its report stored, the debtor's
 * credit score set from it and named by the risk score; rate limits waited out or passed on; people,
 * other tenants and collectors refused; a retried request ordering no second report.
 */
import { ConflictError } from '../../shared/domain/errors';
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
  admin = await api.token('credit-co', ['admin'], { sub: 'admin-1' });
});
afterAll(() => api.stop());

async function businessDebtor(extra: Record<string, unknown>): Promise<string> {
  const debtor = await api.request('POST', '/v1/debtors', {
    token: admin,
    body: { kind: 'business', timezone: 'Europe/London', jurisdiction: 'GB', ...extra },
  });
  expect(debtor.status).toBe(201);
  return debtor.body.id;
}

const check = (debtorId: string, key?: string, token = admin) =>
  api.request('POST', `/v1/debtors/${debtorId}/credit-check`, {
    token,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

describe('a GB business found by its registration number', () => {
  let debtorId: string;
  let first: Awaited<ReturnType<typeof check>>;

  beforeAll(async () => {
    debtorId = await businessDebtor({
      name: 'Acme Widgets Ltd',
      taxId: '01234567',
      postalAddress: {
        lines: ['1 Example Street'],
        locality: 'London',
        postalCode: 'EC1A 1AA',
        country: 'GB',
      },
    });
    await api.request('POST', '/v1/invoices', {
      token: admin,
      body: {
        debtorId,
        number: 'CR-1',
        currency: 'GBP',
        amount: 1_200_000,
        issueDate: '2027-01-01',
        dueDate: '2027-02-01',
      },
    });
    first = await check(debtorId, 'credit-check-acme-1');
  });

  it('stores the report as Creditsafe sent it, normalised', () => {
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: expect.stringMatching(/^crp_/),
      debtorId,
      bureau: 'creditsafe',
      companyId: 'GB-0-01234567',
      companyName: 'ACME WIDGETS LIMITED',
      country: 'GB',
      registrationNumber: '01234567',
      fetchedAt: expect.stringMatching(/^2027-03-01T09:/),
      requestedBy: 'admin-1',
      // (92 − 1) / (100 − 1) × 100 = 91.9 → 92
      score: { normalised: 92, bureauValue: '92', bureauScale: { min: '1', max: '100' } },
      ratingBand: { code: 'A', description: 'Very Low Risk' },
      daysBeyondTerms: 3,
      industryDaysBeyondTerms: 11,
      paymentIndex: null,
      creditLimit: { amount: 25_000_000, currency: 'GBP' },
      status: { active: true, insolvency: false, dissolved: false, description: 'Active - Accounts Filed' },
      debtorCreditScore: 920,
    });
    expect(first.body.reportId).toEqual(expect.any(String));
    expect(first.body.tenantId).toBeUndefined();
  });

  it("sets the debtor's credit score, and the risk score explains where it came from", async () => {
    const debtor = await api.request('GET', `/v1/debtors/${debtorId}`, { token: admin });
    expect(debtor.body.creditScore).toBe(920);
    expect(debtor.body.creditReport).toMatchObject({
      id: first.body.id,
      bureau: 'creditsafe',
      ratingBand: 'A',
      normalisedScore: 92,
      daysBeyondTerms: 3,
      insolvency: false,
      creditScore: 920,
    });
    const factor = debtor.body.risk[0].factors.find((f: { name: string }) => f.name === 'creditScore');
    expect(factor.value).toBe(0.08);
    expect(factor.explanation).toBe(
      'credit score 920 of 1000, from the creditsafe report of 2027-03-01 (0 days old): band A, pays 3 days beyond terms',
    );
  });

  it('lists the reports newest first and audits the check', async () => {
    const list = await api.request('GET', `/v1/debtors/${debtorId}/credit-reports`, { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([first.body.id]);
    const audit = await api.request('GET', `/v1/audit?entityId=${debtorId}`, { token: admin });
    const entry = audit.body.items.find((e: { action: string }) => e.action === 'debtor.credit_checked');
    expect(entry).toMatchObject({
      before: { creditScore: null, creditReport: null },
      after: { creditScore: 920, creditReport: { id: first.body.id } },
    });
  });

  it('answers a retry with the same key from the first response, ordering no second report', async () => {
    const ordered = api.runtime.creditBureau.reportsOrdered.length;
    const again = await check(debtorId, 'credit-check-acme-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(api.runtime.creditBureau.reportsOrdered).toHaveLength(ordered);
  });

  it('a later check after the token ended authenticates again and adds a report', async () => {
    api.runtime.creditBureau.revokeTokens();
    const later = await check(debtorId, 'credit-check-acme-2');
    expect(later.status).toBe(201);
    const list = await api.request('GET', `/v1/debtors/${debtorId}/credit-reports?limit=1`, { token: admin });
    expect(list.body.items[0].id).toBe(later.body.id);
    expect(list.body.nextCursor).toEqual(expect.any(String));
  });
});

it('waits out a 429 with its Retry-After, and reads a credit limit with pence exactly', async () => {
  const debtorId = await businessDebtor({ name: 'Northwind Trading', taxId: '07654321' });
  const throttledBefore = api.runtime.creditBureau.throttled;
  api.runtime.creditBureau.rateLimitNext(2, 1);
  const started = Date.now();
  const result = await check(debtorId);
  expect(result.status).toBe(201);
  expect(api.runtime.creditBureau.throttled - throttledBefore).toBe(2);
  expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  expect(result.body).toMatchObject({
    score: { normalised: 37 },
    debtorCreditScore: 370,
    creditLimit: { amount: 450_050, currency: 'GBP' },
    daysBeyondTerms: 24,
  });
});

it('passes on a rate limit longer than a request may wait as 503 with Retry-After', async () => {
  const debtorId = await businessDebtor({ name: 'Northwind Trading', taxId: '07654321' });
  const limited = await api.request('POST', '/dev/credit-bureau/rate-limit', {
    body: { requests: 1, retryAfterSeconds: 120 },
  });
  expect(limited.status).toBe(200);
  const result = await check(debtorId);
  expect(result.status).toBe(503);
  expect(result.headers.get('retry-after')).toBe('120');
  expect(result.headers.get('content-type')).toBe('application/problem+json');
  const debtor = await api.request('GET', `/v1/debtors/${debtorId}`, { token: admin });
  expect(debtor.body.creditScore).toBeUndefined();
});

it('keeps an unrated report of a company in liquidation without inventing a score', async () => {
  const debtorId = await businessDebtor({
    name: 'Caledonia Fabrication',
    taxId: 'SC123456',
    creditScore: 500,
  });
  const result = await check(debtorId);
  expect(result.status).toBe(201);
  expect(result.body).toMatchObject({
    score: { normalised: null, bureauValue: 'Not Rated', bureauScale: null },
    ratingBand: { code: 'E' },
    status: { active: false, insolvency: true, dissolved: false, description: 'In Liquidation' },
    creditLimit: { amount: 0, currency: 'GBP' },
    debtorCreditScore: 500,
  });
  const debtor = await api.request('GET', `/v1/debtors/${debtorId}`, { token: admin });
  expect(debtor.body.creditScore).toBe(500);
  expect(debtor.body.creditReport).toMatchObject({
    insolvency: true,
    normalisedScore: null,
    creditScore: null,
  });
});

it('finds a company by name where there is no registration number', async () => {
  const debtorId = await businessDebtor({
    name: 'Globex GmbH',
    timezone: 'Europe/Berlin',
    jurisdiction: 'DE',
  });
  const result = await check(debtorId);
  expect(result.status).toBe(201);
  // Rated by letter only: the middle of band B (51–70).
  expect(result.body).toMatchObject({
    companyId: 'DE-X-HRB123456',
    score: { normalised: 61 },
    debtorCreditScore: 610,
  });
});

it('answers 422 when the bureau knows no such company', async () => {
  const debtorId = await businessDebtor({ name: 'Nobody Known Ltd', taxId: '99999999' });
  const result = await check(debtorId);
  expect(result.status).toBe(422);
  expect(result.body.detail).toMatch(/Creditsafe found no company/);
});

it('refuses people: a consumer credit check needs a permissible purpose', async () => {
  const person = await api.request('POST', '/v1/debtors', {
    token: admin,
    body: { name: 'Pat Doe', kind: 'person', timezone: 'Europe/London', jurisdiction: 'GB' },
  });
  const ordered = api.runtime.creditBureau.reportsOrdered.length;
  const result = await check(person.body.id);
  expect(result.status).toBe(422);
  expect(result.body.detail).toMatch(/business debtors only/);
  expect(api.runtime.creditBureau.reportsOrdered).toHaveLength(ordered);
});

it("keeps other tenants' debtors out of reach and collectors from ordering reports", async () => {
  const debtorId = await businessDebtor({ name: 'Acme Widgets Ltd', taxId: '01234567' });
  const otherTenant = await api.token('other-co', ['admin']);
  expect((await check(debtorId, undefined, otherTenant)).status).toBe(404);
  expect(
    (await api.request('GET', `/v1/debtors/${debtorId}/credit-reports`, { token: otherTenant })).status,
  ).toBe(404);
  const collector = await api.token('credit-co', ['collector']);
  expect((await check(debtorId, undefined, collector)).status).toBe(403);
  expect(
    (await api.request('GET', `/v1/debtors/${debtorId}/credit-reports`, { token: collector })).status,
  ).toBe(200);
  for (const role of ['manager', 'accountant'] as const) {
    const token = await api.token('credit-co', [role]);
    expect((await check(debtorId, undefined, token)).status).toBe(201);
  }
});

/**
 * A tenant that asked for reports to be refreshed after 30 days, with one business debtor checked
 * once (its first invoice registers the tenant for its daily schedules), and a way to move the
 * clock to a day counted from then.
 */
async function refreshingTenant(tenantId: string, sub: string, company: { name: string; taxId: string }) {
  const token = await api.token(tenantId, ['admin'], { sub });
  await api.request('PUT', '/v1/settings', {
    token,
    body: { timezone: 'Europe/London', creditChecks: { refreshAfterDays: 30 } },
  });
  const created = await api.request('POST', '/v1/debtors', {
    token,
    body: { ...company, kind: 'business', timezone: 'Europe/London', jurisdiction: 'GB' },
  });
  const debtorId = created.body.id as string;
  await api.request('POST', '/v1/invoices', {
    token,
    body: {
      debtorId,
      number: `${tenantId}-1`,
      currency: 'GBP',
      amount: 10_000,
      issueDate: '2027-03-01',
      dueDate: '2027-05-01',
    },
  });
  const first = await check(debtorId, undefined, token);
  expect(first.status).toBe(201);
  const start = new Date((await api.request('GET', '/dev/clock')).body.now).getTime();
  const moveTo = (days: number) =>
    api.request('POST', '/dev/clock', {
      body: { now: new Date(start + days * 24 * 3600 * 1000).toISOString() },
    });
  return { token, debtorId, first, moveTo };
}

// Each refresh test walks the clock a month or two, running every tenant's daily schedules on the way.
const REFRESH_TEST_TIMEOUT_MS = 120_000;

describe('refresh by the tenant day', () => {
  it(
    'orders a report again once it is older than the tenant asked, and only then',
    async () => {
      const token = await api.token('refresh-co', ['admin'], { sub: 'admin-9' });
      const saved = await api.request('PUT', '/v1/settings', {
        token,
        body: { timezone: 'Europe/London', creditChecks: { refreshAfterDays: 30 } },
      });
      expect(saved.status).toBe(200);
      expect(saved.body.creditChecks).toEqual({ refreshAfterDays: 30 });
      const created = await api.request('POST', '/v1/debtors', {
        token,
        body: {
          name: 'Acme Widgets Ltd',
          kind: 'business',
          timezone: 'Europe/London',
          jurisdiction: 'GB',
          taxId: '01234567',
        },
      });
      const debtorId = created.body.id as string;
      // The first invoice registers the tenant for its daily schedules.
      await api.request('POST', '/v1/invoices', {
        token,
        body: {
          debtorId,
          number: 'RF-1',
          currency: 'GBP',
          amount: 10_000,
          issueDate: '2027-03-01',
          dueDate: '2027-05-01',
        },
      });
      const first = await check(debtorId, undefined, token);
      expect(first.status).toBe(201);
      const reports = async () =>
        (await api.request('GET', `/v1/debtors/${debtorId}/credit-reports`, { token })).body.items as {
          id: string;
          requestedBy: string;
          fetchedAt: string;
        }[];

      const now = new Date((await api.request('GET', '/dev/clock')).body.now);
      const advance = (days: number) =>
        api.request('POST', '/dev/clock', {
          body: { now: new Date(now.getTime() + days * 24 * 3600 * 1000).toISOString() },
        });
      await advance(29);
      expect(await reports()).toHaveLength(1);
      await advance(32);
      const after = await reports();
      expect(after).toHaveLength(2);
      expect(after[0]).toMatchObject({ requestedBy: 'system:credit-refresh' });
      expect(after[1]!.id).toBe(first.body.id);
      const debtor = await api.request('GET', `/v1/debtors/${debtorId}`, { token });
      expect(debtor.body.creditReport.id).toBe(after[0]!.id);
      const audit = await api.request('GET', `/v1/audit?entityId=${debtorId}`, { token });
      const checks = audit.body.items.filter((e: { action: string }) => e.action === 'debtor.credit_checked');
      expect(checks.map((e: { actor: { sub: string } }) => e.actor.sub)).toEqual([
        'admin-9',
        'system:credit-refresh',
      ]);
    },
    REFRESH_TEST_TIMEOUT_MS,
  );

  it(
    'notes a company the bureau no longer finds and moves it to the back of the queue',
    async () => {
      const { token, debtorId, first, moveTo } = await refreshingTenant('refresh-lost', 'admin-10', {
        name: 'Caledonia Fabrication Ltd',
        taxId: 'SC123456',
      });
      api.runtime.creditBureau.delist('SC123456');
      const searched = () => api.runtime.creditBureau.searches.filter((regNo) => regNo === 'SC123456').length;
      const searchedBefore = searched();

      await moveTo(31);
      expect(searched()).toBe(searchedBefore + 1);
      const debtor = (await api.request('GET', `/v1/debtors/${debtorId}`, { token })).body;
      expect(debtor.creditReport).toMatchObject({
        id: first.body.id,
        refreshFailed: { at: expect.any(String), reason: expect.stringMatching(/.+/) },
      });
      const audit = await api.request('GET', `/v1/audit?entityId=${debtorId}`, { token });
      expect(audit.body.items.map((entry: any) => [entry.action, entry.actor.sub])).toContainEqual([
        'debtor.credit_refresh_failed',
        'system:credit-refresh',
      ]);

      // The next days it is not asked for again, and it holds no place ahead of other debtors...
      await moveTo(45);
      expect(searched()).toBe(searchedBefore + 1);
      // ...until its refresh is due again.
      await moveTo(62);
      expect(searched()).toBe(searchedBefore + 2);
    },
    REFRESH_TEST_TIMEOUT_MS,
  );

  it(
    'tries again the next day when a person changed the debtor while its report came',
    async () => {
      const { token, debtorId, moveTo } = await refreshingTenant('refresh-busy', 'admin-11', {
        name: 'Northwind Trading Ltd',
        taxId: '07654321',
      });
      // Other tenants' debtors are refreshed on the same days: only this debtor's first report clashes.
      const store = api.runtime.services.creditReports;
      const original = store.record.bind(store);
      let clashed = 0;
      const record = jest
        .spyOn(store, 'record')
        .mockImplementation(async (report, before, after, context) => {
          if (before.id === debtorId && clashed === 0) {
            clashed += 1;
            throw new ConflictError(`Debtor ${debtorId} was changed by someone else`);
          }
          return original(report, before, after, context);
        });
      try {
        await moveTo(31);
        expect(clashed).toBe(1);
        const debtor = (await api.request('GET', `/v1/debtors/${debtorId}`, { token })).body;
        expect(debtor.creditReport.refreshFailed).toBeUndefined();
        await moveTo(32);
        const reports = (await api.request('GET', `/v1/debtors/${debtorId}/credit-reports`, { token })).body
          .items;
        expect(reports).toHaveLength(2);
        expect(reports[0]).toMatchObject({ requestedBy: 'system:credit-refresh' });
      } finally {
        record.mockRestore();
      }
    },
    REFRESH_TEST_TIMEOUT_MS,
  );
});

/**
 * The tenant day's credit refresh, against in-memory ports: opt-in, today only, oldest first, a
 * company no longer found skipped, a rate limit ending the day's run.
 */
import { refreshCreditReports } from '../../../shared/app/credit/refresh-credit-reports';
import { CREDITSAFE } from '../../../shared/adapters/creditsafe/creditsafe-report';
import type { CreditReport } from '../../../shared/domain/credit/credit-report';
import type { Debtor } from '../../../shared/domain/debtors/debtor';
import type { TenantSettings } from '../../../shared/domain/settings/tenant-settings';
import {
  CreditBureauNotFoundError,
  CreditBureauRateLimitedError,
  type CreditBureau,
} from '../../../shared/ports/credit-bureau';
import type { CreditReportStore, StoredCreditReport } from '../../../shared/ports/credit-report-store';
import type { DebtorStore } from '../../../shared/ports/debtor-store';

const now = new Date('2027-04-01T06:00:00Z');
const today = '2027-04-01';

const debtor = (id: string, taxId: string): Debtor => ({
  id,
  tenantId: 't',
  name: `Company ${id}`,
  kind: 'business',
  taxId,
  timezone: 'Europe/London',
  jurisdiction: 'GB',
  version: 1,
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
  createdBy: 'u',
});

const report = (companyId: string): CreditReport => ({
  bureau: CREDITSAFE,
  reportId: `r-${companyId}`,
  companyId,
  companyName: companyId,
  country: 'GB',
  fetchedAt: now.toISOString(),
  score: { normalised: 50, bureauValue: '50', bureauScale: { min: '0', max: '100' } },
  ratingBand: { code: 'B' },
  daysBeyondTerms: 5,
  industryDaysBeyondTerms: null,
  paymentIndex: null,
  creditLimit: null,
  status: { active: true, insolvency: false, dissolved: false },
});

function world(options: { refreshAfterDays?: number; failures?: Record<string, Error> }) {
  const debtors = new Map(
    ['dbt_a', 'dbt_b', 'dbt_c'].map((id, index) => [id, debtor(id, `0000000${index}`)]),
  );
  const recorded: StoredCreditReport[] = [];
  const asked: { before: string; limit: number }[] = [];
  const ordered: string[] = [];
  let next = 0;
  const settings: TenantSettings = {
    tenantId: 't',
    timezone: 'Europe/London',
    approvalThresholds: {},
    version: 1,
    ...(options.refreshAfterDays ? { creditChecks: { refreshAfterDays: options.refreshAfterDays } } : {}),
  };
  const bureau: CreditBureau = {
    name: CREDITSAFE,
    findCompany: async (query) => {
      const failure = options.failures?.[query.registrationNumber!];
      if (failure) throw failure;
      return { companyId: `GB-${query.registrationNumber}`, name: query.name, country: 'GB' };
    },
    fetchReport: async (companyId) => {
      ordered.push(companyId);
      return report(companyId);
    },
  };
  const store: Partial<CreditReportStore> = {
    debtorsWithReportsBefore: async (_tenant, before, limit) => {
      asked.push({ before, limit });
      return ['dbt_a', 'dbt_b', 'dbt_c'];
    },
    record: async (stored, _before, after) => {
      recorded.push(stored);
      debtors.set(after.id, after);
    },
  };
  const services = {
    clock: { now: () => now },
    ids: { next: (prefix: string) => `${prefix}_${String(++next).padStart(26, '0')}` },
    debtors: { get: async (_tenant: string, id: string) => debtors.get(id) } as unknown as DebtorStore,
    creditBureau: bureau,
    creditReports: store as CreditReportStore,
    settings: { get: async () => settings, put: async () => {} },
  };
  return { services, recorded, asked, ordered, debtors };
}

it('orders nothing unless the tenant asked for refreshes', async () => {
  const { services, asked } = world({});
  expect(await refreshCreditReports(services, 't', today)).toEqual({ refreshed: 0, skipped: 0 });
  expect(asked).toEqual([]);
});

it('checks the debtors whose report is older than the refresh age, oldest first, as the system', async () => {
  const { services, asked, recorded, debtors } = world({ refreshAfterDays: 30 });
  expect(await refreshCreditReports(services, 't', today)).toEqual({ refreshed: 3, skipped: 0 });
  expect(asked).toEqual([{ before: '2027-03-02T06:00:00.000Z', limit: 50 }]);
  expect(recorded.map((r) => [r.debtorId, r.requestedBy])).toEqual([
    ['dbt_a', 'system:credit-refresh'],
    ['dbt_b', 'system:credit-refresh'],
    ['dbt_c', 'system:credit-refresh'],
  ]);
  expect(debtors.get('dbt_a')!.creditScore).toBe(500);
});

it('skips a company the bureau no longer finds, and stops for the day at a rate limit', async () => {
  const { services, ordered } = world({
    refreshAfterDays: 30,
    failures: {
      '00000000': new CreditBureauNotFoundError('gone'),
      '00000001': new CreditBureauRateLimitedError(60),
    },
  });
  expect(await refreshCreditReports(services, 't', today)).toEqual({ refreshed: 0, skipped: 1 });
  expect(ordered).toEqual([]);
});

it('orders nothing for a day caught up after an outage', async () => {
  const { services, asked } = world({ refreshAfterDays: 30 });
  expect(await refreshCreditReports(services, 't', '2027-03-30')).toEqual({ refreshed: 0, skipped: 0 });
  expect(asked).toEqual([]);
});

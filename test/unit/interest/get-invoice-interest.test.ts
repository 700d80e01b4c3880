import { getInvoiceInterest } from '../../../shared/app/interest/get-invoice-interest';
import type { Actor } from '../../../shared/domain/actor';
import type { Debtor } from '../../../shared/domain/debtors/debtor';
import { ValidationError } from '../../../shared/domain/errors';
import type { Invoice } from '../../../shared/domain/invoices/invoice';
import type { Payment } from '../../../shared/domain/payments/payment';
import type { Services } from '../../../shared/runtime/services';

const actor: Actor = { sub: 'ann', tenantId: 't1', roles: ['accountant'] };

const invoice: Invoice = {
  id: 'inv_A',
  tenantId: 't1',
  debtorId: 'dbt_1',
  number: 'A-1',
  currency: 'GBP',
  amount: 500_000,
  paid: 500_000,
  credited: 0,
  writtenOff: 0,
  issueDate: '2026-01-01',
  dueDate: '2026-01-31',
  version: 2,
  createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  createdBy: 'ann',
};

const debtor: Debtor = {
  id: 'dbt_1',
  tenantId: 't1',
  name: 'Acme Widgets Ltd',
  kind: 'business',
  timezone: 'Europe/London',
  jurisdiction: 'GB-ENG',
  version: 1,
  createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-01T09:00:00.000Z',
  createdBy: 'ann',
};

/** Five £1,000 payments, each received on 1 April but keyed in on 20 November, one per page. */
const payments: Payment[] = Array.from({ length: 5 }, (_, index) => ({
  id: `pay_${index}`,
  tenantId: 't1',
  debtorId: 'dbt_1',
  currency: 'GBP',
  amount: 100_000,
  receivedAt: '2026-04-01T10:00:00.000Z',
  allocations: [{ invoiceId: 'inv_A', amount: 100_000, appliedAt: `2026-11-20T09:00:0${index}.000Z` }],
  unapplied: 0,
  status: 'applied',
  version: 1,
  createdAt: `2026-11-20T09:00:0${index}.000Z`,
  createdBy: 'ann',
}));

function fakeServices(overrides: { debtor?: Partial<Debtor> } = {}) {
  const pagesRead: (string | undefined)[] = [];
  const services = {
    clock: { now: () => new Date('2026-11-25T23:30:00.000Z') },
    invoices: {
      get: async (tenantId: string, id: string) =>
        tenantId === 't1' && id === 'inv_A' ? invoice : undefined,
    },
    debtors: { get: async () => ({ ...debtor, ...overrides.debtor }) },
    ledger: {
      listPayments: async (
        _tenantId: string,
        _debtorId: string,
        page: { limit: number; cursor?: string },
      ) => {
        pagesRead.push(page.cursor);
        const index = page.cursor === undefined ? 0 : Number(page.cursor);
        return {
          items: payments.slice(index, index + 1),
          nextCursor: index + 1 < payments.length ? String(index + 1) : null,
        };
      },
      listAdjustments: async () => [],
    },
  } as unknown as Pick<Services, 'clock' | 'debtors' | 'invoices' | 'ledger'>;
  return { services, pagesRead };
}

describe('getInvoiceInterest', () => {
  it('reads every page of payments and dates allocations made at receipt from receivedAt', async () => {
    const { services, pagesRead } = fakeServices();
    const { view } = await getInvoiceInterest(services, { actor }, 'inv_A', { asOf: '2026-04-30' });
    expect(pagesRead).toEqual([undefined, '1', '2', '3', '4']);
    expect(view).toMatchObject({
      rulePack: 'GB',
      basis: 'statutory',
      daysLate: 89,
      lateDebt: 500_000,
      interest: 9_658,
      compensation: 7_000,
      total: 16_658,
    });
    expect(view.periods).toEqual([
      expect.objectContaining({ from: '2026-02-01', to: '2026-04-01', days: 60 }),
    ]);
  });

  it("defaults asOf to today in the debtor's time zone", async () => {
    const london = await getInvoiceInterest(fakeServices().services, { actor }, 'inv_A');
    expect(london.view.asOf).toBe('2026-11-25');
    const tokyo = await getInvoiceInterest(
      fakeServices({ debtor: { timezone: 'Asia/Tokyo' } }).services,
      { actor },
      'inv_A',
    );
    expect(tokyo.view.asOf).toBe('2026-11-26');
  });

  it('refuses an asOf before the issue date', async () => {
    await expect(
      getInvoiceInterest(fakeServices().services, { actor }, 'inv_A', { asOf: '2025-12-31' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('reports no statutory interest outside GB and the EU, with the late debt still stated', async () => {
    const { view } = await getInvoiceInterest(
      fakeServices({ debtor: { jurisdiction: 'US-NY', timezone: 'America/New_York' } }).services,
      { actor },
      'inv_A',
      { asOf: '2026-04-30' },
    );
    expect(view).toMatchObject({
      basis: 'none',
      daysLate: 89,
      lateDebt: 500_000,
      interest: 0,
      compensation: 0,
      total: 0,
      reason: 'no_statutory_late_interest',
    });
    expect(view).not.toHaveProperty('rulePack');
  });
});

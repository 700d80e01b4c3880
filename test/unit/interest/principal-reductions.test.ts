import { principalReductions } from '../../../shared/app/interest/principal-reductions';
import type { Adjustment } from '../../../shared/domain/adjustments/adjustment';
import type { Payment } from '../../../shared/domain/payments/payment';

const payment = (overrides: Partial<Payment>): Payment => ({
  id: 'pay_1',
  tenantId: 't',
  debtorId: 'dbt_1',
  currency: 'GBP',
  amount: 100_00,
  receivedAt: '2026-04-01T10:00:00.000Z',
  allocations: [],
  unapplied: 0,
  status: 'applied',
  version: 1,
  createdAt: '2026-11-20T09:00:00.000Z',
  createdBy: 'ann',
  ...overrides,
});

const adjustment = (overrides: Partial<Adjustment>): Adjustment => ({
  id: 'adj_1',
  tenantId: 't',
  debtorId: 'dbt_1',
  invoiceId: 'inv_A',
  kind: 'credit_note',
  currency: 'GBP',
  amount: 10_00,
  reason: 'goodwill',
  requestedBy: 'ann',
  createdAt: '2026-03-10T12:00:00.000Z',
  ...overrides,
});

describe('principal reductions of an invoice', () => {
  it('dates an allocation made at receipt from receivedAt, even when the payment was keyed in later', () => {
    const keyedLater = payment({
      allocations: [
        { invoiceId: 'inv_A', amount: 60_00, appliedAt: '2026-11-20T09:00:00.000Z' },
        { invoiceId: 'inv_B', amount: 40_00, appliedAt: '2026-11-20T09:00:00.000Z' },
      ],
    });
    expect(principalReductions('inv_A', [keyedLater], [], 'Europe/London')).toEqual([
      { date: '2026-04-01', amount: 60_00 },
    ]);
  });

  it('dates credit applied later from appliedAt', () => {
    const credit = payment({
      receivedAt: '2026-02-01T10:00:00.000Z',
      createdAt: '2026-02-01T10:05:00.000Z',
      allocations: [
        { invoiceId: 'inv_B', amount: 50_00, appliedAt: '2026-02-01T10:05:00.000Z' },
        { invoiceId: 'inv_A', amount: 50_00, appliedAt: '2026-03-15T16:00:00.000Z' },
      ],
    });
    expect(principalReductions('inv_A', [credit], [], 'Europe/London')).toEqual([
      { date: '2026-03-15', amount: 50_00 },
    ]);
  });

  it("uses the debtor's local calendar date", () => {
    const lateEvening = payment({
      receivedAt: '2026-04-01T23:30:00.000Z',
      allocations: [{ invoiceId: 'inv_A', amount: 100_00, appliedAt: '2026-11-20T09:00:00.000Z' }],
    });
    // 23:30 UTC on 1 April is 00:30 on 2 April in London (BST) but still 1 April in New York.
    expect(principalReductions('inv_A', [lateEvening], [], 'Europe/London')).toEqual([
      { date: '2026-04-02', amount: 100_00 },
    ]);
    expect(principalReductions('inv_A', [lateEvening], [], 'America/New_York')).toEqual([
      { date: '2026-04-01', amount: 100_00 },
    ]);
  });

  it('ignores reversed payments and other invoices, and counts credit notes and write-offs', () => {
    const reversed = payment({
      status: 'reversed',
      allocations: [{ invoiceId: 'inv_A', amount: 100_00, appliedAt: '2026-11-20T09:00:00.000Z' }],
    });
    const reductions = principalReductions(
      'inv_A',
      [reversed],
      [
        adjustment({ createdAt: '2026-05-01T08:00:00.000Z', kind: 'write_off', amount: 5_00 }),
        adjustment({}),
        adjustment({ invoiceId: 'inv_B' }),
      ],
      'Europe/London',
    );
    expect(reductions).toEqual([
      { date: '2026-03-10', amount: 10_00 },
      { date: '2026-05-01', amount: 5_00 },
    ]);
  });
});

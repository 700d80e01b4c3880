import { ledgerCsv } from '../../../shared/app/exports/export-ledger';
import type { DebtorBook } from '../../../shared/ports/ledger-store';
import { parseCsv } from '../../support/csv';

/** One euro invoice met by a payment that bounced, a credit note, a write-off, and a charge partly paid then waived. */
const book = {
  ledger: { tenantId: 't', debtorId: 'd', credit: {}, version: 5 },
  invoices: [
    {
      id: 'inv_1',
      number: 'A-1',
      currency: 'EUR',
      amount: 100_00,
      issueDate: '2027-01-10',
      dueDate: '2027-02-09',
      createdAt: '2027-01-10T09:00:00Z',
    },
  ],
  payments: [
    {
      id: 'pay_1',
      currency: 'EUR',
      amount: 30_00,
      receivedAt: '2027-02-01T10:00:00Z',
      status: 'reversed',
      reversedAt: '2027-02-04T10:00:00Z',
      chargeAllocations: [],
    },
    {
      id: 'pay_2',
      currency: 'EUR',
      amount: 12_00,
      receivedAt: '2027-03-01T10:00:00Z',
      status: 'applied',
      reference: '=cmd',
      chargeAllocations: [{ chargeId: 'chg_1', amount: 2_00, appliedAt: '2027-03-01T10:00:00Z' }],
    },
  ],
  adjustments: [
    {
      id: 'adj_1',
      kind: 'credit_note',
      invoiceId: 'inv_1',
      currency: 'EUR',
      amount: 20_00,
      createdAt: '2027-02-10T08:00:00Z',
    },
    {
      id: 'adj_2',
      kind: 'write_off',
      invoiceId: 'inv_1',
      currency: 'EUR',
      amount: 70_00,
      createdAt: '2027-04-01T08:00:00Z',
    },
  ],
  charges: [
    {
      id: 'chg_1',
      kind: 'interest',
      invoiceId: 'inv_1',
      currency: 'EUR',
      amount: 5_00,
      postedOn: '2027-02-20',
      createdAt: '2027-02-20T06:00:00Z',
      waived: true,
      waivedAt: '2027-03-15T12:00:00Z',
    },
  ],
  promises: [],
  disputes: [],
  plans: [],
} as unknown as DebtorBook;

it('writes every movement in date order with the running balance, a waiver forgiving only what was unpaid', () => {
  const rows = parseCsv(ledgerCsv(book, { timezone: 'Europe/Berlin' }));
  expect(
    rows.map((row) => [row.date, row.type, row.document_id, row.debit, row.credit, row.balance]),
  ).toEqual([
    ['2027-01-10', 'invoice', 'inv_1', '100.00', '', '100.00'],
    ['2027-02-01', 'payment', 'pay_1', '', '30.00', '70.00'],
    ['2027-02-04', 'payment_reversal', 'pay_1', '30.00', '', '100.00'],
    ['2027-02-10', 'credit_note', 'adj_1', '', '20.00', '80.00'],
    ['2027-02-20', 'charge', 'chg_1', '5.00', '', '85.00'],
    ['2027-03-01', 'payment', 'pay_2', '', '12.00', '73.00'],
    ['2027-03-15', 'charge_waiver', 'chg_1', '', '3.00', '70.00'],
    ['2027-04-01', 'write_off', 'adj_2', '', '70.00', '0.00'],
  ]);
  expect(rows.at(-1)!.balance_minor).toBe('0');
  expect(rows.find((row) => row.document_id === 'pay_2')!.reference).toBe("'=cmd");
});

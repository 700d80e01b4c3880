import fc from 'fast-check';
import { ageInvoices, agingBucket, balancesByCurrency } from '../../../shared/domain/ledger/aging';

const invoice = (amount: number, dueDate: string, paid = 0, currency = 'EUR') => ({
  currency,
  amount,
  paid,
  credited: 0,
  writtenOff: 0,
  dueDate,
});

describe('aging', () => {
  it('buckets days past due', () => {
    expect([0, -5, 1, 30, 31, 60, 61, 90, 91].map(agingBucket)).toEqual([
      'current',
      'current',
      'd1_30',
      'd1_30',
      'd31_60',
      'd31_60',
      'd61_90',
      'd61_90',
      'd90_plus',
    ]);
  });

  it('reproduces the worked example at 2026-03-31: current 60,000.00, d1_30 30,000.00', () => {
    const invoices = [
      invoice(4_000_000, '2026-02-09', 4_000_000), // A, paid 2026-03-05
      invoice(6_000_000, '2026-03-07', 3_000_000), // B, 30,000.00 paid 2026-03-25
      invoice(3_500_000, '2026-04-09'), // C
      invoice(2_500_000, '2026-04-19'), // D
    ];
    expect(ageInvoices(invoices, '2026-03-31')).toEqual({
      current: 6_000_000,
      d1_30: 3_000_000,
      d31_60: 0,
      d61_90: 0,
      d90_plus: 0,
    });
  });

  it('keeps balances per currency', () => {
    const balances = balancesByCurrency(
      [
        invoice(100, '2026-01-01', 0, 'USD'),
        invoice(200, '2026-12-01', 0, 'EUR'),
        invoice(50, '2026-01-01', 0, 'EUR'),
      ],
      '2026-06-01',
    );
    expect(balances).toEqual([
      { currency: 'EUR', outstanding: 250, overdue: 50 },
      { currency: 'USD', outstanding: 100, overdue: 100 },
    ]);
  });

  it('puts every outstanding minor unit in exactly one bucket', () => {
    const arbitraryInvoice = fc.record({
      amount: fc.integer({ min: 1, max: 1e9 }),
      paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
      dueOffset: fc.integer({ min: -400, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryInvoice, { maxLength: 30 }), (specs) => {
        const asOf = '2026-06-15';
        const invoices = specs.map(({ amount, paidShare, dueOffset }) => {
          const due = new Date(Date.UTC(2026, 5, 15 + dueOffset)).toISOString().slice(0, 10);
          return invoice(amount, due, Math.floor(amount * paidShare));
        });
        const aging = ageInvoices(invoices, asOf);
        const total = Object.values(aging).reduce((a, b) => a + b, 0);
        expect(total).toBe(invoices.reduce((a, i) => a + (i.amount - i.paid), 0));
      }),
    );
  });
});

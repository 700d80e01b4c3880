/** Domain rules §4 worked example (EUR, period 2026-03-01 … 2026-03-31), amounts in minor units. */
import type { LedgerFacts } from '../../../shared/domain/metrics/ledger-facts';

export const workedExample: LedgerFacts = {
  invoices: [
    { id: 'A', currency: 'EUR', amount: 4_000_000, issueDate: '2026-01-10', dueDate: '2026-02-09' },
    { id: 'B', currency: 'EUR', amount: 6_000_000, issueDate: '2026-02-05', dueDate: '2026-03-07' },
    { id: 'C', currency: 'EUR', amount: 3_500_000, issueDate: '2026-03-10', dueDate: '2026-04-09' },
    { id: 'D', currency: 'EUR', amount: 2_500_000, issueDate: '2026-03-20', dueDate: '2026-04-19' },
  ],
  movements: [
    { kind: 'allocation', invoiceId: 'A', amount: 4_000_000, date: '2026-03-05', paymentId: 'P1' },
    { kind: 'allocation', invoiceId: 'B', amount: 3_000_000, date: '2026-03-25', paymentId: 'P2' },
  ],
};

export const march = { from: '2026-03-01', to: '2026-03-31' };

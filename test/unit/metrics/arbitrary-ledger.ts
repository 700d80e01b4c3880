/** fast-check generators of consistent ledger histories for the metrics properties. */
import fc from 'fast-check';
import type { InvoiceFact, LedgerFacts, MovementFact } from '../../../shared/domain/metrics/ledger-facts';
import { addDays } from '../../../shared/domain/time/calendar-date';

export const ORIGIN = '2026-01-01';

const moveSpec = fc.record({
  kind: fc.constantFrom('allocation' as const, 'credit_note' as const, 'write_off' as const),
  share: fc.integer({ min: 1, max: 100 }),
  delay: fc.integer({ min: -5, max: 150 }),
  bounceAfter: fc.option(fc.integer({ min: 0, max: 60 })),
});

const invoiceSpec = fc.record({
  amount: fc.integer({ min: 1, max: 1_000_000_000 }),
  issueOffset: fc.integer({ min: 0, max: 240 }),
  term: fc.integer({ min: 0, max: 90 }),
  moves: fc.array(moveSpec, { maxLength: 4 }),
});

export interface HistoryOptions {
  currency?: string;
  bounces?: boolean;
  idPrefix?: string;
}

/**
 * Histories the ledger can produce: movements never before the invoice's issue date, never
 * applying more than the invoice amount, reversals only of earlier allocations, later than them.
 */
export function arbitraryHistory({ currency = 'EUR', bounces = true, idPrefix = '' }: HistoryOptions = {}) {
  return fc.array(invoiceSpec, { maxLength: 12 }).map((specs): LedgerFacts => {
    const invoices: InvoiceFact[] = [];
    const movements: MovementFact[] = [];
    specs.forEach((spec, index) => {
      const id = `${idPrefix}${currency}-${index}`;
      const issueDate = addDays(ORIGIN, spec.issueOffset);
      invoices.push({ id, currency, amount: spec.amount, issueDate, dueDate: addDays(issueDate, spec.term) });
      let left = spec.amount;
      for (const move of spec.moves) {
        if (left === 0) break;
        const amount = Math.max(1, Math.floor((left * move.share) / 100));
        left -= amount;
        const date = addDays(issueDate, Math.max(0, move.delay));
        movements.push({ kind: move.kind, invoiceId: id, amount, date });
        if (bounces && move.kind === 'allocation' && move.bounceAfter !== null) {
          movements.push({
            kind: 'reversal',
            invoiceId: id,
            amount,
            date: addDays(date, move.bounceAfter),
            allocatedOn: date,
          });
        }
      }
    });
    return { invoices, movements };
  });
}

export const arbitraryPeriod = fc
  .record({ start: fc.integer({ min: -10, max: 300 }), length: fc.integer({ min: 1, max: 120 }) })
  .map(({ start, length }) => ({ from: addDays(ORIGIN, start), to: addDays(ORIGIN, start + length - 1) }));

import fc from 'fast-check';
import { fromHundredths, hundredths, ratio } from '../../../shared/domain/metrics/figure';
import {
  assertLedgerFacts,
  factsForCurrency,
  groupFactsByCurrency,
  type LedgerFacts,
  type MovementFact,
} from '../../../shared/domain/metrics/ledger-facts';
import { agingAt, currentAt, outstandingAt } from '../../../shared/domain/metrics/receivables';
import { addDays } from '../../../shared/domain/time/calendar-date';
import { ORIGIN } from './arbitrary-ledger';
import { workedExample } from './worked-example';

describe('receivables rebuilt from dated facts', () => {
  it('follows the worked example day by day', () => {
    expect(outstandingAt(workedExample, 'EUR', '2026-01-09')).toBe(0);
    expect(outstandingAt(workedExample, 'EUR', '2026-01-10')).toBe(4_000_000);
    expect(outstandingAt(workedExample, 'EUR', '2026-02-28')).toBe(10_000_000);
    expect(outstandingAt(workedExample, 'EUR', '2026-03-05')).toBe(6_000_000);
    expect(outstandingAt(workedExample, 'EUR', '2026-03-31')).toBe(9_000_000);
    // B is due 2026-03-07: current on its due date, past due the day after.
    expect(currentAt(workedExample, 'EUR', '2026-03-07')).toBe(6_000_000);
    expect(currentAt(workedExample, 'EUR', '2026-03-08')).toBe(0);
    expect(currentAt(workedExample, 'EUR', '2026-03-31')).toBe(6_000_000);
    expect(agingAt(workedExample, 'EUR', '2026-03-31')).toEqual({
      current: 6_000_000,
      d1_30: 3_000_000,
      d31_60: 0,
      d61_90: 0,
      d90_plus: 0,
    });
    expect(outstandingAt(workedExample, 'USD', '2026-03-31')).toBe(0);
  });

  it('never goes below zero per invoice, whatever is applied to it', () => {
    const movement = fc.record({
      kind: fc.constantFrom(
        'allocation' as const,
        'credit_note' as const,
        'write_off' as const,
        'reversal' as const,
      ),
      invoice: fc.integer({ min: 0, max: 4 }),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      offset: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 5, maxLength: 5 }),
        fc.array(movement, { maxLength: 30 }),
        fc.integer({ min: -5, max: 110 }),
        (amounts, moves, asOf) => {
          const facts: LedgerFacts = {
            invoices: amounts.map((amount, index) => ({
              id: `i${index}`,
              currency: 'EUR',
              amount,
              issueDate: addDays(ORIGIN, index * 10),
              dueDate: addDays(ORIGIN, index * 10 + 30),
            })),
            movements: moves.map(({ kind, invoice, amount, offset }): MovementFact => {
              const date = addDays(ORIGIN, offset);
              return kind === 'reversal'
                ? { kind, invoiceId: `i${invoice}`, amount, date, allocatedOn: date }
                : { kind, invoiceId: `i${invoice}`, amount, date };
            }),
          };
          const date = addDays(ORIGIN, asOf);
          const total = outstandingAt(facts, 'EUR', date);
          const current = currentAt(facts, 'EUR', date);
          expect(total).toBeGreaterThanOrEqual(0);
          expect(current).toBeGreaterThanOrEqual(0);
          expect(current).toBeLessThanOrEqual(total);
          expect(Object.values(agingAt(facts, 'EUR', date)).reduce((a, b) => a + b, 0)).toBe(total);
        },
      ),
    );
  });
});

describe('ledger facts', () => {
  const mixed: LedgerFacts = {
    invoices: [
      { id: 'e', currency: 'EUR', amount: 100, issueDate: '2026-01-01', dueDate: '2026-01-31' },
      { id: 'k', currency: 'KWD', amount: 1500, issueDate: '2026-01-01', dueDate: '2026-01-31' },
    ],
    movements: [
      { kind: 'allocation', invoiceId: 'k', amount: 500, date: '2026-01-05' },
      { kind: 'write_off', invoiceId: 'e', amount: 10, date: '2026-01-05' },
    ],
    promises: [
      { id: 'p', currency: 'GBP', amount: 1, dueDate: '2026-01-10', graceDays: 0, status: 'pending' },
    ],
    disputes: [{ id: 'd', invoiceId: 'e', openedAt: '2026-01-03' }],
  };

  it('groups facts by currency, movements and disputes following their invoice', () => {
    const groups = groupFactsByCurrency(mixed);
    expect(groups.map((group) => group.currency)).toEqual(['EUR', 'GBP', 'KWD']);
    expect(groups[0]?.facts).toEqual({
      invoices: [mixed.invoices[0]],
      movements: [mixed.movements[1]],
      promises: [],
      disputes: mixed.disputes,
    });
    expect(groups[1]?.facts.promises).toEqual(mixed.promises);
    expect(groups[2]?.facts.movements).toEqual([mixed.movements[0]]);
  });

  it('refuses facts that cannot be computed with', () => {
    expect(() => assertLedgerFacts(mixed)).not.toThrow();
    const broken = (patch: Partial<LedgerFacts>) => () => assertLedgerFacts({ ...mixed, ...patch });
    expect(broken({ invoices: [...mixed.invoices, mixed.invoices[0]!] })).toThrow(/twice/);
    expect(broken({ invoices: [{ ...mixed.invoices[0]!, amount: 1.5 }, mixed.invoices[1]!] })).toThrow(
      RangeError,
    );
    expect(
      broken({ movements: [{ kind: 'allocation', invoiceId: 'e', amount: 0, date: '2026-01-05' }] }),
    ).toThrow(RangeError);
    expect(
      broken({ movements: [{ kind: 'allocation', invoiceId: 'e', amount: 1, date: '2026-02-30' }] }),
    ).toThrow(RangeError);
    expect(
      broken({ disputes: [{ id: 'd', invoiceId: 'e', openedAt: '2026-01-03', resolvedAt: '2026-01-02' }] }),
    ).toThrow(/before it opened/);
    expect(() =>
      factsForCurrency({ ...mixed, disputes: [{ id: 'x', invoiceId: '?', openedAt: '2026-01-01' }] }, 'EUR'),
    ).toThrow(/unknown invoice/);
  });
});

describe('exact figures', () => {
  it('rounds half-up, away from zero, without floating-point slips', () => {
    expect(hundredths(1n, 8n)).toBe(13n); // 0.125
    expect(hundredths(-1n, 8n)).toBe(-13n);
    expect(hundredths(1005n, 1000n)).toBe(101n); // 1.005: Math.round(1.005 * 100) gives 100
    expect(hundredths(2n, 3n)).toBe(67n);
    expect(hundredths(1n, 3n)).toBe(33n);
    expect(fromHundredths(4650n)).toBe(46.5);
    expect(Object.is(fromHundredths(-0n), 0)).toBe(true);
    expect(ratio(1, 0, 'why')).toEqual({ value: null, reason: 'why' });
    expect(() => hundredths(1n, 0n)).toThrow(RangeError);
  });

  it('agrees with exact decimal rounding for every ratio of integers', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        (n, d) => {
          const h = hundredths(n, d);
          // |n/d × 100 − h| ≤ 1/2, and exactly 1/2 only when h is away from zero.
          const twice = 2n * (n * 100n - h * d);
          expect(twice <= d && twice >= -d).toBe(true);
          if (twice === d) expect(n < 0n).toBe(true);
          if (twice === -d) expect(n > 0n).toBe(true);
        },
      ),
    );
  });
});

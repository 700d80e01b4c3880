import fc from 'fast-check';
import { ValidationError } from '../../../shared/domain/errors';
import {
  arMetricsByCurrency,
  computeArMetrics,
  countbackDso,
  REASONS,
} from '../../../shared/domain/metrics/ar-metrics';
import type { LedgerFacts } from '../../../shared/domain/metrics/ledger-facts';
import { daysBetween } from '../../../shared/domain/time/calendar-date';
import { arbitraryHistory, arbitraryPeriod } from './arbitrary-ledger';
import { march, workedExample } from './worked-example';

const hundredths = (value: number): number => Math.round(value * 100);

describe('AR metrics: the worked example of domain rules §4 (EUR, 2026-03-01 … 2026-03-31)', () => {
  const metrics = computeArMetrics(workedExample, 'EUR', march);

  it('derives the inputs: D 31, AR_begin 100,000.00, S 60,000.00, AR_end 90,000.00, Current_end 60,000.00', () => {
    expect(metrics.inputs).toEqual({
      days: 31,
      arBegin: 10_000_000,
      creditSales: 6_000_000,
      arEnd: 9_000_000,
      currentEnd: 6_000_000,
      collections: 7_000_000,
      reversals: 0,
      creditNotes: 0,
      writeOffs: 0,
    });
  });

  it('computes DSO 46.50, BPDSO 31.00, ADD 15.50, CEI 70.00, countback DSO 45.00', () => {
    expect(metrics.dso).toBe(46.5);
    expect(metrics.bestPossibleDso).toBe(31);
    expect(metrics.averageDaysDelinquent).toBe(15.5);
    expect(metrics.cei).toBe(70);
    expect(metrics.countbackDso).toBe(45);
  });

  it('ages the receivables at 2026-03-31: current 60,000.00, d1_30 30,000.00', () => {
    expect(metrics.aging).toEqual({
      current: 6_000_000,
      d1_30: 3_000_000,
      d31_60: 0,
      d61_90: 0,
      d90_plus: 0,
    });
  });

  it('weights days to pay by amount: (40,000 × 54 + 30,000 × 48) / 70,000 = 51.43', () => {
    expect(metrics.averageDaysToPay).toBe(51.43);
    expect(metrics.badDebtRatio).toBe(0);
  });

  it('gives null with a reason for what the example cannot define, and nothing else', () => {
    expect(metrics.promiseKeptRate).toBeNull();
    expect(metrics.disputes).toEqual({ opened: 0, resolved: 0, averageDaysToResolve: null });
    expect(metrics.notes).toEqual({
      promiseKeptRate: REASONS.noPromisesDue,
      averageDaysToResolve: REASONS.noDisputesResolved,
    });
  });

  it('counts back across months: March absorbs 60,000 → 31 days; 30,000 of February’s 60,000 → 14 of 28 days', () => {
    expect(countbackDso(workedExample, 'EUR', '2026-03-31')).toEqual({ value: 45 });
    // At 2026-03-15 AR is 35,000 (C) + 60,000 (B) = 95,000; March 1–15 sold 35,000 → 15 days;
    // 60,000 of February's 60,000 → 28 days.
    expect(countbackDso(workedExample, 'EUR', '2026-03-15')).toEqual({ value: 43 });
  });
});

describe('AR metrics: edge cases', () => {
  it('returns null with a reason when there are no credit sales, never NaN or Infinity', () => {
    const metrics = computeArMetrics(workedExample, 'EUR', { from: '2026-03-21', to: '2026-03-31' });
    expect(metrics.inputs.creditSales).toBe(0);
    for (const name of ['dso', 'bestPossibleDso', 'averageDaysDelinquent', 'badDebtRatio'] as const) {
      expect(metrics[name]).toBeNull();
      expect(metrics.notes[name]).toBe(REASONS.noSales);
    }
    // AR_begin 120,000; collected 30,000; CEI = 30,000 / (120,000 − 60,000) = 50.00.
    expect(metrics.cei).toBe(50);
    expect(JSON.stringify(metrics)).not.toMatch(/NaN|Infinity/);
  });

  it('handles no receivables at all', () => {
    const metrics = computeArMetrics({ invoices: [], movements: [] }, 'EUR', march);
    expect(metrics.inputs).toMatchObject({ arBegin: 0, creditSales: 0, arEnd: 0, currentEnd: 0 });
    expect(metrics.cei).toBeNull();
    expect(metrics.notes.cei).toBe(REASONS.nothingCollectible);
    expect(metrics.countbackDso).toBe(0);
    expect(metrics.averageDaysToPay).toBeNull();
    expect(metrics.notes.averageDaysToPay).toBe(REASONS.noPayments);
    expect(Object.values(metrics.aging).every((amount) => amount === 0)).toBe(true);
  });

  it('gives DSO 0 and CEI 100 when everything sold in the period was paid in it', () => {
    const facts: LedgerFacts = {
      invoices: [
        { id: 'X', currency: 'EUR', amount: 50_000, issueDate: '2026-03-02', dueDate: '2026-03-16' },
      ],
      movements: [{ kind: 'allocation', invoiceId: 'X', amount: 50_000, date: '2026-03-12' }],
    };
    const metrics = computeArMetrics(facts, 'EUR', march);
    expect([metrics.dso, metrics.bestPossibleDso, metrics.averageDaysDelinquent]).toEqual([0, 0, 0]);
    expect(metrics.cei).toBe(100);
    expect(metrics.countbackDso).toBe(0);
    expect(metrics.averageDaysToPay).toBe(10);
  });

  it('re-opens invoices on a bounced payment and leaves the bounced money out of days to pay', () => {
    const facts: LedgerFacts = {
      ...workedExample,
      movements: [
        ...workedExample.movements,
        {
          kind: 'reversal',
          invoiceId: 'B',
          amount: 3_000_000,
          date: '2026-03-28',
          allocatedOn: '2026-03-25',
        },
      ],
    };
    const metrics = computeArMetrics(facts, 'EUR', march);
    expect(metrics.inputs).toMatchObject({ arEnd: 12_000_000, collections: 7_000_000, reversals: 3_000_000 });
    expect(metrics.aging.d1_30).toBe(6_000_000);
    expect(metrics.averageDaysToPay).toBe(54);
    // A reversal after the period does not rewrite the period's figures.
    const later = {
      ...facts,
      movements: facts.movements.map((m) => (m.kind === 'reversal' ? { ...m, date: '2026-04-02' } : m)),
    };
    expect(computeArMetrics(later, 'EUR', march).averageDaysToPay).toBe(51.43);
  });

  it('computes the bad-debt ratio from write-offs dated in the period', () => {
    const facts: LedgerFacts = {
      ...workedExample,
      movements: [
        ...workedExample.movements,
        { kind: 'write_off', invoiceId: 'C', amount: 900_000, date: '2026-03-30' },
        { kind: 'credit_note', invoiceId: 'D', amount: 100_000, date: '2026-03-30' },
        { kind: 'write_off', invoiceId: 'D', amount: 500_000, date: '2026-04-01' },
      ],
    };
    const metrics = computeArMetrics(facts, 'EUR', march);
    expect(metrics.inputs).toMatchObject({ writeOffs: 900_000, creditNotes: 100_000, arEnd: 8_000_000 });
    expect(metrics.badDebtRatio).toBe(0.15);
  });

  it('rates promises whose due date + grace ended in the period, leaving pending ones out', () => {
    const promise = (
      id: string,
      dueDate: string,
      graceDays: number,
      status: 'kept' | 'broken' | 'pending',
    ) => ({
      id,
      currency: 'EUR',
      amount: 10_000,
      dueDate,
      graceDays,
      status,
    });
    const facts: LedgerFacts = {
      ...workedExample,
      promises: [
        promise('p1', '2026-03-10', 0, 'kept'),
        promise('p2', '2026-03-29', 2, 'broken'), // ends 03-31: in
        promise('p3', '2026-03-30', 2, 'broken'), // ends 04-01: out
        promise('p4', '2026-02-27', 2, 'kept'), // ends 03-01: in
        promise('p5', '2026-03-31', 0, 'pending'),
        { ...promise('p6', '2026-03-15', 0, 'broken'), currency: 'USD' },
      ],
    };
    const metrics = computeArMetrics(facts, 'EUR', march);
    expect(metrics.promises).toEqual({ kept: 2, broken: 1, pending: 1 });
    expect(metrics.promiseKeptRate).toBe(0.67);
    const onlyPending = computeArMetrics(
      { ...facts, promises: [promise('p5', '2026-03-31', 0, 'pending')] },
      'EUR',
      march,
    );
    expect(onlyPending.promiseKeptRate).toBeNull();
    expect(onlyPending.notes.promiseKeptRate).toBe(REASONS.promisesPending);
  });

  it('counts disputes opened and resolved in the period and their average days to resolve', () => {
    const facts: LedgerFacts = {
      ...workedExample,
      disputes: [
        { id: 'd1', invoiceId: 'B', openedAt: '2026-02-20', resolvedAt: '2026-03-03' }, // 11 days
        { id: 'd2', invoiceId: 'C', openedAt: '2026-03-12', resolvedAt: '2026-03-16' }, // 4 days
        { id: 'd3', invoiceId: 'D', openedAt: '2026-03-25' },
        { id: 'd4', invoiceId: 'A', openedAt: '2026-03-30', resolvedAt: '2026-04-02' },
      ],
    };
    expect(computeArMetrics(facts, 'EUR', march).disputes).toEqual({
      opened: 3,
      resolved: 2,
      averageDaysToResolve: 7.5,
    });
  });

  it('counts back from a period that starts mid-month, through a month without sales', () => {
    const facts: LedgerFacts = {
      invoices: [
        { id: 'J', currency: 'EUR', amount: 30_000, issueDate: '2026-01-15', dueDate: '2026-02-14' },
        { id: 'M', currency: 'EUR', amount: 10_000, issueDate: '2026-03-05', dueDate: '2026-04-04' },
      ],
      movements: [{ kind: 'allocation', invoiceId: 'J', amount: 20_000, date: '2026-02-01' }],
    };
    // AR 20,000 at 03-20: March 1–20 sold 10,000 → 20 days; February sold nothing → 28 days;
    // 10,000 of January's 30,000 → 31 / 3 = 10.33 days. 58.33 in all.
    const metrics = computeArMetrics(facts, 'EUR', { from: '2026-03-10', to: '2026-03-20' });
    expect(metrics.countbackDso).toBe(58.33);
  });

  it('rounds once, half-up: AR 1 / S 8 × 1 day = 0.125 → 0.13', () => {
    const facts: LedgerFacts = {
      invoices: [
        { id: 'old', currency: 'EUR', amount: 1, issueDate: '2026-01-01', dueDate: '2026-01-31' },
        { id: 'new', currency: 'EUR', amount: 8, issueDate: '2026-03-01', dueDate: '2026-03-31' },
      ],
      movements: [{ kind: 'allocation', invoiceId: 'new', amount: 8, date: '2026-03-01' }],
    };
    const metrics = computeArMetrics(facts, 'EUR', { from: '2026-03-01', to: '2026-03-01' });
    expect(metrics.dso).toBe(0.13);
    expect(metrics.bestPossibleDso).toBe(0);
    expect(metrics.averageDaysDelinquent).toBe(0.13);
  });

  it('refuses a bad period (400) and facts naming an unknown invoice', () => {
    expect(() => computeArMetrics(workedExample, 'EUR', { from: '2026-03-31', to: '2026-03-01' })).toThrow(
      ValidationError,
    );
    expect(() => computeArMetrics(workedExample, 'EUR', { from: '2026-02-30', to: '2026-03-01' })).toThrow(
      ValidationError,
    );
    const dangling: LedgerFacts = {
      ...workedExample,
      movements: [{ kind: 'allocation', invoiceId: 'nope', amount: 1, date: '2026-03-01' }],
    };
    expect(() => computeArMetrics(dangling, 'EUR', march)).toThrow(RangeError);
  });
});

describe('AR metrics: currencies', () => {
  const usd: LedgerFacts = {
    invoices: [{ id: 'U', currency: 'USD', amount: 123_456, issueDate: '2026-03-03', dueDate: '2026-03-04' }],
    movements: [{ kind: 'credit_note', invoiceId: 'U', amount: 456, date: '2026-03-05' }],
    disputes: [{ id: 'du', invoiceId: 'U', openedAt: '2026-03-06' }],
  };
  const mixed: LedgerFacts = {
    invoices: [...workedExample.invoices, ...usd.invoices],
    movements: [...workedExample.movements, ...usd.movements],
    disputes: usd.disputes,
  };

  it('ignores the facts of other currencies', () => {
    expect(computeArMetrics(mixed, 'EUR', march)).toEqual(computeArMetrics(workedExample, 'EUR', march));
  });

  it('reports each currency on its own, sorted by code', () => {
    const reports = arMetricsByCurrency(mixed, march);
    expect(reports.map((report) => report.currency)).toEqual(['EUR', 'USD']);
    expect(reports[0]).toEqual(computeArMetrics(workedExample, 'EUR', march));
    expect(reports[1]).toMatchObject({
      inputs: { creditSales: 123_456, arEnd: 123_000, currentEnd: 0 },
      dso: 30.89, // 123,000 / 123,456 × 31 = 30.885…
      bestPossibleDso: 0,
      cei: 0.37, // 456 / 123,456 × 100 = 0.369…
      disputes: { opened: 1, resolved: 0, averageDaysToResolve: null },
    });
  });
});

describe('AR metrics: properties', () => {
  it('AR_end = AR_begin + S − collections + reversals − credit notes − write-offs', () => {
    fc.assert(
      fc.property(arbitraryHistory(), arbitraryPeriod, (facts, period) => {
        const { inputs } = computeArMetrics(facts, 'EUR', period);
        expect(inputs.arEnd).toBe(
          inputs.arBegin +
            inputs.creditSales -
            inputs.collections +
            inputs.reversals -
            inputs.creditNotes -
            inputs.writeOffs,
        );
      }),
    );
  });

  it('ADD = DSO − BPDSO as displayed, with 0 ≤ BPDSO ≤ DSO, and never NaN or Infinity', () => {
    fc.assert(
      fc.property(arbitraryHistory(), arbitraryPeriod, (facts, period) => {
        const metrics = computeArMetrics(facts, 'EUR', period);
        expect(JSON.stringify(metrics)).not.toMatch(/NaN|Infinity/);
        if (metrics.dso === null) {
          expect(metrics.inputs.creditSales).toBe(0);
          expect(metrics.averageDaysDelinquent).toBeNull();
          return;
        }
        const { dso, bestPossibleDso, averageDaysDelinquent } = metrics as {
          [K in 'dso' | 'bestPossibleDso' | 'averageDaysDelinquent']: number;
        };
        expect(hundredths(averageDaysDelinquent)).toBe(hundredths(dso) - hundredths(bestPossibleDso));
        expect(bestPossibleDso).toBeGreaterThanOrEqual(0);
        expect(bestPossibleDso).toBeLessThanOrEqual(dso);
      }),
    );
  });

  it('CEI lies between 0 and 100 when defined and no payment bounced', () => {
    fc.assert(
      fc.property(arbitraryHistory({ bounces: false }), arbitraryPeriod, (facts, period) => {
        const { cei, notes } = computeArMetrics(facts, 'EUR', period);
        if (cei === null) expect(notes.cei).toBe(REASONS.nothingCollectible);
        else {
          expect(cei).toBeGreaterThanOrEqual(0);
          expect(cei).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('ages every outstanding minor unit at `to`; the current bucket is Current_end', () => {
    fc.assert(
      fc.property(arbitraryHistory(), arbitraryPeriod, (facts, period) => {
        const { aging, inputs } = computeArMetrics(facts, 'EUR', period);
        expect(Object.values(aging).reduce((a, b) => a + b, 0)).toBe(inputs.arEnd);
        expect(aging.current).toBe(inputs.currentEnd);
      }),
    );
  });

  it('countback DSO is defined for consistent histories and spans at most the days since the first sale', () => {
    fc.assert(
      fc.property(arbitraryHistory(), arbitraryPeriod, (facts, period) => {
        const { countbackDso: days, inputs } = computeArMetrics(facts, 'EUR', period);
        expect(days).not.toBeNull();
        if (inputs.arEnd === 0) return expect(days).toBe(0);
        const firstSale = facts.invoices.map((invoice) => invoice.issueDate).sort()[0] as string;
        expect(days).toBeGreaterThan(0);
        expect(days).toBeLessThanOrEqual(daysBetween(`${firstSale.slice(0, 7)}-01`, period.to) + 1);
      }),
    );
  });

  it('a report in one currency is blind to the facts of another', () => {
    fc.assert(
      fc.property(
        arbitraryHistory(),
        arbitraryHistory({ currency: 'JPY' }),
        arbitraryPeriod,
        (eur, jpy, period) => {
          const mixed = {
            invoices: [...eur.invoices, ...jpy.invoices],
            movements: [...jpy.movements, ...eur.movements],
          };
          expect(computeArMetrics(mixed, 'EUR', period)).toEqual(computeArMetrics(eur, 'EUR', period));
        },
      ),
      { numRuns: 50 },
    );
  });
});

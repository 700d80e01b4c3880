import fc from 'fast-check';
import { ValidationError } from '../../../shared/domain/errors';
import { computeArMetrics, type MetricsPeriod } from '../../../shared/domain/metrics/ar-metrics';
import type {
  DisputeFact,
  InvoiceFact,
  LedgerFacts,
  MovementFact,
  PromiseFact,
} from '../../../shared/domain/metrics/ledger-facts';
import {
  mergeReceivableDays,
  receivableDeltas,
  receivableEventsFromFacts,
  type ReceivableDay,
} from '../../../shared/domain/metrics/receivable-day';
import { agingAt, currentAt, outstandingAt } from '../../../shared/domain/metrics/receivables';
import { dailyPositions, metricsFromDays } from '../../../shared/domain/metrics/rollup-metrics';
import { addDays, daysBetween } from '../../../shared/domain/time/calendar-date';
import { arbitraryHistory, arbitraryPeriod, ORIGIN } from './arbitrary-ledger';
import { march, workedExample } from './worked-example';

const daysOf = (facts: LedgerFacts): ReceivableDay[] => receivableDeltas(receivableEventsFromFacts(facts));

/** The worked example plus a bounce, a prepayment, a credit note, a write-off, promises and disputes. */
const richExample: LedgerFacts = {
  invoices: [
    ...workedExample.invoices,
    { id: 'E', currency: 'EUR', amount: 1_000_000, issueDate: '2026-03-15', dueDate: '2026-03-20' },
  ],
  movements: [
    ...workedExample.movements,
    { kind: 'reversal', invoiceId: 'B', amount: 1_000_000, date: '2026-03-28', allocatedOn: '2026-03-25' },
    { kind: 'allocation', invoiceId: 'E', amount: 400_000, date: '2026-03-10' }, // before E was issued
    { kind: 'credit_note', invoiceId: 'D', amount: 100_000, date: '2026-03-30' },
    { kind: 'write_off', invoiceId: 'C', amount: 900_000, date: '2026-03-30' },
  ],
  promises: [
    { id: 'p1', currency: 'EUR', amount: 1, dueDate: '2026-03-10', graceDays: 2, status: 'kept' },
    { id: 'p2', currency: 'EUR', amount: 1, dueDate: '2026-03-12', graceDays: 0, status: 'broken' },
    { id: 'p3', currency: 'EUR', amount: 1, dueDate: '2026-03-30', graceDays: 0, status: 'pending' },
  ],
  disputes: [
    { id: 'd1', invoiceId: 'B', openedAt: '2026-02-20', resolvedAt: '2026-03-03' },
    { id: 'd2', invoiceId: 'D', openedAt: '2026-03-25' },
  ],
};

const richPeriods: MetricsPeriod[] = [
  march,
  { from: '2026-02-01', to: '2026-02-28' },
  { from: '2026-03-10', to: '2026-03-20' },
  { from: '2026-03-26', to: '2026-04-30' },
];

describe('rollup metrics: the worked example of domain rules §4 through day aggregates', () => {
  const days = daysOf(workedExample);
  const metrics = metricsFromDays(days, 'EUR', march);

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

  it('is the on-demand report, figure for figure, notes included', () => {
    expect(metrics).toEqual(computeArMetrics(workedExample, 'EUR', march));
  });

  it('keeps one sparse aggregate per day with something on it', () => {
    expect(days.map((day) => day.date)).toEqual([
      '2026-01-10',
      '2026-02-05',
      '2026-03-05',
      '2026-03-10',
      '2026-03-20',
      '2026-03-25',
    ]);
    // Payment of A, issued 2026-01-10, on day 54.
    expect(days[2]).toEqual({
      currency: 'EUR',
      date: '2026-03-05',
      counters: { collections: 4_000_000, 'due:2026-02-09': -4_000_000, paid_days: 4_000_000 * 54 },
    });
  });
});

describe('rollup metrics: every counter is needed', () => {
  const days = daysOf(richExample);
  const families = [...new Set(days.flatMap((day) => Object.keys(day.counters).map(familyOf)))].sort();
  const reports = (aggregates: readonly ReceivableDay[]) => ({
    metrics: richPeriods.map((period) => metricsFromDays(aggregates, 'EUR', period)),
    positions: dailyPositions(aggregates, 'EUR', '2026-01-01', '2026-04-30'),
  });

  it('agrees with the on-demand metrics on a ledger with every kind of fact', () => {
    expect(reports(days).metrics).toEqual(
      richPeriods.map((period) => computeArMetrics(richExample, 'EUR', period)),
    );
  });

  it('uses every counter family', () => {
    expect(families).toEqual([
      'collections',
      'credit_notes',
      'dispute_days',
      'disputes_opened',
      'disputes_resolved',
      'due',
      'paid_days',
      'promises_broken',
      'promises_due',
      'promises_kept',
      'reversals',
      'reversed',
      'reversed_days',
      'sales',
      'write_offs',
    ]);
  });

  it.each(families)('changes a figure when `%s` is dropped', (family) => {
    const without = days.map((day) => ({
      ...day,
      counters: Object.fromEntries(
        Object.entries(day.counters).filter(([name]) => familyOf(name) !== family),
      ),
    }));
    expect(reports(without)).not.toEqual(reports(days));
  });
});

describe('rollup metrics: properties over random ledgers', () => {
  it('equal computeArMetrics for every currency and period', () => {
    fc.assert(
      fc.property(arbitraryLedger, arbitraryPeriod, (facts, period) => {
        const days = daysOf(facts);
        for (const currency of ['EUR', 'JPY', 'USD']) {
          expect(metricsFromDays(days, currency, period)).toEqual(computeArMetrics(facts, currency, period));
        }
      }),
    );
  });

  it('give the position of every day of a range as receivables.ts rebuilds it', () => {
    fc.assert(
      fc.property(arbitraryLedger, arbitraryPeriod, (facts, { from, to }) => {
        const positions = dailyPositions(daysOf(facts), 'EUR', from, to);
        expect(positions).toHaveLength(daysBetween(from, to) + 1);
        positions.forEach((position, index) => {
          const date = addDays(from, index);
          const { inputs } = computeArMetrics(facts, 'EUR', { from: date, to: date });
          expect(position).toEqual({
            date,
            arEnd: outstandingAt(facts, 'EUR', date),
            currentEnd: currentAt(facts, 'EUR', date),
            aging: agingAt(facts, 'EUR', date),
            sales: inputs.creditSales,
            collections: inputs.collections,
            reversals: inputs.reversals,
            creditNotes: inputs.creditNotes,
            writeOffs: inputs.writeOffs,
          });
        });
      }),
      { numRuns: 50 },
    );
  });

  it('are additive: events split anywhere and merged, or in any order, give the same days', () => {
    const splitEvents = arbitraryLedger.chain((facts) => {
      const events = receivableEventsFromFacts(facts);
      return fc.tuple(
        fc.constant(events),
        fc.integer({ min: 0, max: events.length }),
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      );
    });
    fc.assert(
      fc.property(splitEvents, ([events, at, shuffled]) => {
        const whole = receivableDeltas(events);
        const head = receivableDeltas(events.slice(0, at));
        const tail = receivableDeltas(events.slice(at));
        expect(mergeReceivableDays(head, tail)).toEqual(whole);
        expect(mergeReceivableDays(tail, head)).toEqual(whole);
        expect(receivableDeltas(shuffled)).toEqual(whole);
      }),
    );
  });

  it('hold sparse safe-integer counters with plain names; only `due:` deltas go negative', () => {
    fc.assert(
      fc.property(arbitraryLedger, (facts) => {
        for (const day of daysOf(facts)) {
          for (const [name, value] of Object.entries(day.counters)) {
            expect(name).toMatch(/^[A-Za-z0-9_-]+(:\d{4}-\d{2}-\d{2})?$/);
            expect(Number.isSafeInteger(value) && value !== 0).toBe(true);
            if (value < 0) expect(familyOf(name)).toBe('due');
          }
        }
      }),
    );
  });
});

describe('rollup metrics: validation', () => {
  it.each([
    { from: '2026-03-31', to: '2026-03-01' },
    { from: '2026-02-30', to: '2026-03-01' },
    { from: '2026-03-01', to: '31/03/2026' },
  ])('refuses the period %o as computeArMetrics does', (period) => {
    const expected = thrown(() => computeArMetrics(workedExample, 'EUR', period));
    expect(expected).toBeInstanceOf(ValidationError);
    const days = daysOf(workedExample);
    for (const error of [
      thrown(() => metricsFromDays(days, 'EUR', period)),
      thrown(() => dailyPositions(days, 'EUR', period.from, period.to)),
    ]) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual((expected as ValidationError).issues);
    }
  });

  it('refuses facts and events it cannot aggregate', () => {
    const [invoice] = workedExample.invoices as [InvoiceFact];
    expect(() =>
      receivableEventsFromFacts({
        ...workedExample,
        movements: [{ kind: 'allocation', invoiceId: 'nope', amount: 1, date: '2026-03-01' }],
      }),
    ).toThrow(RangeError);
    expect(() =>
      receivableDeltas([
        { kind: 'invoice_issued', invoice: { ...invoice, amount: Number.MAX_SAFE_INTEGER } },
      ]),
    ).not.toThrow();
    expect(() =>
      receivableDeltas([
        { kind: 'invoice_issued', invoice: { ...invoice, amount: Number.MAX_SAFE_INTEGER } },
        { kind: 'invoice_issued', invoice: { ...invoice, id: 'A2', amount: 1 } },
      ]),
    ).toThrow(/safe integer/);
    expect(() =>
      receivableDeltas([
        {
          kind: 'movement',
          movement: { kind: 'allocation', invoiceId: 'B', amount: 1, date: '2026-03-01' },
          invoice,
        },
      ]),
    ).toThrow(RangeError);
  });
});

describe('rollup metrics: a large book', () => {
  // Speed is measured in bench/rollups.ts; here only that a busy tenant's years agree.
  it('agrees with the on-demand metrics over ~1,100 days with ~3,000 due dates', () => {
    const facts = largeLedger();
    const days = daysOf(facts);
    expect(days.length).toBeGreaterThanOrEqual(1_100);
    const dueDates = new Set(facts.invoices.map((invoice) => invoice.dueDate));
    expect(dueDates.size).toBeGreaterThanOrEqual(3_000);
    const period = { from: '2028-12-01', to: '2028-12-31' };
    expect(metricsFromDays(days, 'EUR', period)).toEqual(computeArMetrics(facts, 'EUR', period));
  });
});

function familyOf(counter: string): string {
  return counter.split(':')[0] as string;
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const promiseSpec = fc.record({
  currency: fc.constantFrom('EUR', 'JPY'),
  dueOffset: fc.integer({ min: -20, max: 320 }),
  graceDays: fc.integer({ min: 0, max: 10 }),
  status: fc.constantFrom('pending' as const, 'kept' as const, 'broken' as const),
});

const disputeSpec = fc.record({
  invoice: fc.nat(),
  openOffset: fc.integer({ min: 0, max: 300 }),
  resolveAfter: fc.option(fc.integer({ min: 0, max: 60 })),
});

/** How many days before its invoice's issue date every movement of an invoice is moved (prepayments). */
const earlyShift = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }) },
);

/**
 * Two currencies of consistent histories (arbitrary-ledger.ts), some paid before their issue date
 * (every movement of the invoice moved earlier together, so no balance goes below zero), with
 * promises and disputes.
 */
const arbitraryLedger = fc
  .record({
    eur: arbitraryHistory(),
    jpy: arbitraryHistory({ currency: 'JPY' }),
    shifts: fc.array(earlyShift, { minLength: 24, maxLength: 24 }),
    promises: fc.array(promiseSpec, { maxLength: 6 }),
    disputes: fc.array(disputeSpec, { maxLength: 6 }),
  })
  .map(({ eur, jpy, shifts, promises, disputes }): LedgerFacts => {
    const invoices = [...eur.invoices, ...jpy.invoices];
    const shiftOf = new Map(invoices.map((invoice, index) => [invoice.id, shifts[index] ?? 0]));
    const earlier = (movement: MovementFact): MovementFact => {
      const shift = -(shiftOf.get(movement.invoiceId) ?? 0);
      const date = addDays(movement.date, shift);
      return movement.kind === 'reversal'
        ? { ...movement, date, allocatedOn: addDays(movement.allocatedOn, shift) }
        : { ...movement, date };
    };
    return {
      invoices,
      movements: [...eur.movements, ...jpy.movements].map(earlier),
      promises: promises.map((spec, index): PromiseFact => ({
        id: `p${index}`,
        currency: spec.currency,
        amount: 100,
        dueDate: addDays(ORIGIN, spec.dueOffset),
        graceDays: spec.graceDays,
        status: spec.status,
      })),
      disputes: invoices.length === 0 ? [] : disputes.map((spec, index) => disputeOf(spec, index, invoices)),
    };
  });

function disputeOf(
  spec: { invoice: number; openOffset: number; resolveAfter: number | null },
  index: number,
  invoices: readonly InvoiceFact[],
): DisputeFact {
  const openedAt = addDays(ORIGIN, spec.openOffset);
  const dispute = {
    id: `d${index}`,
    invoiceId: (invoices[spec.invoice % invoices.length] as InvoiceFact).id,
    openedAt,
  };
  return spec.resolveAfter === null
    ? dispute
    : { ...dispute, resolvedAt: addDays(openedAt, spec.resolveAfter) };
}

/**
 * ~1,100 days of a busy tenant: 60 invoices a day with terms up to ~7 years (over 3,000 distinct
 * due dates), most paid in one or two allocations within 150 days, some written off, some bounced.
 */
function largeLedger(): LedgerFacts {
  let seed = 42;
  const random = (below: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % below;
  };
  const dates = Array.from({ length: 4_000 }, (_, offset) => addDays('2026-01-01', offset));
  const dateAt = (offset: number): string => dates[offset] as string;
  const invoices: InvoiceFact[] = [];
  const movements: MovementFact[] = [];
  for (let day = 0; day < 1_100; day += 1) {
    for (let n = 0; n < 60; n += 1) {
      const id = `inv-${day}-${n}`;
      const amount = 10_000 + random(5_000_000);
      const term = random(10) === 0 ? random(2_500) : ([14, 30, 45, 60, 90][random(5)] as number);
      invoices.push({ id, currency: 'EUR', amount, issueDate: dateAt(day), dueDate: dateAt(day + term) });
      const fate = random(20);
      if (fate === 0) continue; // still open
      const first = Math.floor(amount / (1 + random(2)));
      const paidOn = day + random(150);
      movements.push({ kind: 'allocation', invoiceId: id, amount: first, date: dateAt(paidOn) });
      if (fate === 1) {
        const bounce = { date: dateAt(paidOn + 3), allocatedOn: dateAt(paidOn) };
        movements.push({ kind: 'reversal', invoiceId: id, amount: first, ...bounce });
      }
      if (first < amount) {
        const kind = fate === 2 ? 'write_off' : 'allocation';
        const date = dateAt(paidOn + 1 + random(60));
        movements.push({ kind, invoiceId: id, amount: amount - first, date });
      }
    }
  }
  return { invoices, movements };
}

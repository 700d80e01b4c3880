import fc from 'fast-check';
import type { LedgerFacts } from '../../../shared/domain/metrics/ledger-facts';
import { riskInputFromFacts } from '../../../shared/domain/risk/risk-input';
import { RISK_MODEL } from '../../../shared/domain/risk/risk-model';
import { scoreRisk, type RiskInput } from '../../../shared/domain/risk/risk-score';
import { addDays } from '../../../shared/domain/time/calendar-date';

const asOf = '2026-06-30';
const base: RiskInput = {
  asOf,
  currency: 'EUR',
  openItems: [],
  payments: [],
  promises: [],
  invoiceCount: 0,
  disputedInvoiceCount: 0,
};

const contributions = (input: RiskInput) =>
  Object.fromEntries(scoreRisk(input).factors.map((factor) => [factor.name, factor.contribution]));

describe('risk model', () => {
  it('keeps its weights in one record that adds up to 100', () => {
    expect(Object.values(RISK_MODEL.weights).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('risk score: worked examples (documented in shared/domain/risk/risk-score.ts)', () => {
  it('1. steady payer → 2', () => {
    const input: RiskInput = {
      ...base,
      openItems: [{ invoiceId: 'S1', currency: 'EUR', outstanding: 1_000_000, dueDate: '2026-07-15' }],
      payments: [
        { invoiceId: 'S0', currency: 'EUR', amount: 500_000, dueDate: '2026-05-31', paidOn: '2026-05-28' },
        { invoiceId: 'S9', currency: 'EUR', amount: 700_000, dueDate: '2026-04-30', paidOn: '2026-04-30' },
      ],
      invoiceCount: 12,
      creditScore: 800,
      referenceBalance: 2_000_000,
    };
    const result = scoreRisk(input);
    expect(result.score).toBe(2);
    expect(contributions(input)).toEqual({
      daysPastDue: 0,
      overdueShare: 0,
      brokenPromises: 0,
      paymentHistory: 0,
      disputeRate: 0,
      creditScore: 2,
      balanceSize: 0,
    });
    expect(result.factors.find((f) => f.name === 'creditScore')).toEqual({
      name: 'creditScore',
      weight: 10,
      value: 0.2,
      contribution: 2,
      explanation: 'credit score 800 of 1000',
    });
  });

  const struggling: RiskInput = {
    ...base,
    openItems: [
      { invoiceId: 'A', currency: 'EUR', outstanding: 600_000, dueDate: '2026-04-01' },
      { invoiceId: 'B', currency: 'EUR', outstanding: 400_000, dueDate: '2026-07-10' },
    ],
    payments: [
      { invoiceId: 'P', currency: 'EUR', amount: 200_000, dueDate: '2026-03-01', paidOn: '2026-03-31' },
      { invoiceId: 'Q', currency: 'EUR', amount: 200_000, dueDate: '2026-03-01', paidOn: '2026-02-20' },
    ],
    promises: [
      { status: 'broken', dueDate: '2026-05-12', graceDays: 3, resolvedOn: '2026-05-15' },
      { status: 'broken', dueDate: '2025-12-01', graceDays: 0 },
      { status: 'kept', dueDate: '2026-06-01', graceDays: 0 },
    ],
    invoiceCount: 10,
    disputedInvoiceCount: 2,
    creditScore: 350,
    referenceBalance: 500_000,
  };

  it('2. struggling debtor → 57.5 points → 58 (half-up), every factor explained', () => {
    const result = scoreRisk(struggling);
    expect(contributions(struggling)).toEqual({
      daysPastDue: 18.75,
      overdueShare: 12,
      brokenPromises: 7.5,
      paymentHistory: 3.75,
      disputeRate: 4,
      creditScore: 6.5,
      balanceSize: 5,
    });
    expect(result.score).toBe(58);
    expect(result.modelVersion).toBe(RISK_MODEL.version);
    expect(result.factors.map((f) => [f.name, f.value])).toEqual([
      ['daysPastDue', 0.75],
      ['overdueShare', 0.6],
      ['brokenPromises', 0.5],
      ['paymentHistory', 0.25],
      ['disputeRate', 0.8],
      ['creditScore', 0.65],
      ['balanceSize', 0.5],
    ]);
    expect(result.factors.map((f) => f.explanation)).toEqual([
      'invoice A is 90 days past due (counts fully from 120) and 60% of the open balance (counts fully from 10%)',
      '6000.00 EUR of the 10000.00 EUR owed is past due (60%)',
      '1 promise(s) broken in the last 90 days, 1 earlier within 365 days (counting 0.5); full at 3',
      'past payments came 15 days late on average, weighted by amount (full at 60)',
      '2 of 10 invoices disputed (20%; full at 25%)',
      'credit score 350 of 1000',
      'open balance 10000.00 EUR is 2× the reference 5000.00 EUR (the band up to 2×)',
    ]);
  });

  it('3. new debtor with little known: missing factors are left out and the rest rescaled → 54', () => {
    const input: RiskInput = {
      ...base,
      openItems: [{ invoiceId: 'N', currency: 'EUR', outstanding: 100_000, dueDate: '2026-05-01' }],
    };
    const result = scoreRisk(input);
    expect(result.score).toBe(54);
    expect(contributions(input)).toMatchObject({ daysPastDue: 20.83, overdueShare: 33.33, creditScore: 0 });
    const missing = result.factors.filter((f) => f.value === null).map((f) => f.name);
    expect(missing).toEqual(['paymentHistory', 'disputeRate', 'creditScore', 'balanceSize']);
    expect(result.factors.find((f) => f.name === 'creditScore')?.explanation).toBe(
      'no credit score on record; its weight is spread over the other factors',
    );
  });

  it('weighs a small old invoice by its share of the balance', () => {
    const input: RiskInput = {
      ...base,
      openItems: [
        { invoiceId: 'tiny', currency: 'EUR', outstanding: 5_000, dueDate: '2026-01-01' }, // 180 days, 5%
        { invoiceId: 'big', currency: 'EUR', outstanding: 95_000, dueDate: '2026-07-30' },
      ],
    };
    expect(scoreRisk(input).factors[0]).toMatchObject({ value: 0.5, contribution: 20.83 });
  });

  it('scores nothing owed and nothing known as 0', () => {
    expect(scoreRisk(base).score).toBe(0);
  });

  it('refuses mixed currencies and out-of-range inputs', () => {
    const usd = { invoiceId: 'U', currency: 'USD', outstanding: 1, dueDate: asOf };
    expect(() => scoreRisk({ ...base, openItems: [usd] })).toThrow(/USD/);
    expect(() => scoreRisk({ ...base, creditScore: 1001 })).toThrow(RangeError);
    expect(() => scoreRisk({ ...base, creditScore: Number.NaN })).toThrow(RangeError);
    expect(() => scoreRisk({ ...base, invoiceCount: 1, disputedInvoiceCount: 2 })).toThrow(RangeError);
  });
});

const arbitraryInput = fc
  .record({
    items: fc.array(
      fc.record({
        outstanding: fc.integer({ min: 0, max: 10_000_000 }),
        dueOffset: fc.integer({ min: -400, max: 120 }),
      }),
      { maxLength: 8 },
    ),
    payments: fc.array(
      fc.record({
        amount: fc.integer({ min: 0, max: 1_000_000 }),
        dueOffset: fc.integer({ min: -365, max: 0 }),
        lateness: fc.integer({ min: -30, max: 200 }),
      }),
      { maxLength: 6 },
    ),
    promises: fc.array(
      fc.record({
        status: fc.constantFrom('pending' as const, 'kept' as const, 'broken' as const),
        dueOffset: fc.integer({ min: -500, max: 30 }),
      }),
      { maxLength: 6 },
    ),
    invoiceCount: fc.integer({ min: 0, max: 50 }),
    disputedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    creditScore: fc.option(fc.integer({ min: 0, max: 1000 })),
    referenceBalance: fc.option(fc.integer({ min: 0, max: 20_000_000 })),
  })
  .map((spec): RiskInput => ({
    ...base,
    openItems: spec.items.map((item, index) => ({
      invoiceId: `i${index}`,
      currency: 'EUR',
      outstanding: item.outstanding,
      dueDate: addDays(asOf, item.dueOffset),
    })),
    payments: spec.payments.map((payment, index) => ({
      invoiceId: `p${index}`,
      currency: 'EUR',
      amount: payment.amount,
      dueDate: addDays(asOf, payment.dueOffset),
      paidOn: addDays(asOf, Math.min(0, payment.dueOffset + payment.lateness)),
    })),
    promises: spec.promises.map((promise) => ({
      status: promise.status,
      dueDate: addDays(asOf, promise.dueOffset),
      graceDays: 2,
    })),
    invoiceCount: spec.invoiceCount,
    disputedInvoiceCount: Math.floor(spec.invoiceCount * spec.disputedShare),
    ...(spec.creditScore === null ? {} : { creditScore: spec.creditScore }),
    ...(spec.referenceBalance === null ? {} : { referenceBalance: spec.referenceBalance }),
  }));

describe('risk score: properties', () => {
  it('is an integer from 0 to 100, the rounded sum of its contributions, and deterministic', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const result = scoreRisk(input);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        const sum = result.factors.reduce((total, factor) => total + factor.contribution, 0);
        expect(Math.abs(sum - result.score)).toBeLessThanOrEqual(0.5 + 0.005 * result.factors.length);
        for (const factor of result.factors) {
          if (factor.value === null) expect(factor.contribution).toBe(0);
          else expect(factor.value).toBeGreaterThanOrEqual(0);
          expect(factor.value ?? 0).toBeLessThanOrEqual(1);
        }
        expect(scoreRisk(structuredClone(input))).toEqual(result);
      }),
    );
  });

  it('never falls when an invoice falls further past due, all else equal', () => {
    fc.assert(
      fc.property(arbitraryInput, fc.nat(), fc.integer({ min: 1, max: 400 }), (input, pick, extraDays) => {
        if (input.openItems.length === 0) return;
        const index = pick % input.openItems.length;
        const later: RiskInput = {
          ...input,
          openItems: input.openItems.map((item, i) =>
            i === index ? { ...item, dueDate: addDays(item.dueDate, -extraDays) } : item,
          ),
        };
        expect(scoreRisk(later).score).toBeGreaterThanOrEqual(scoreRisk(input).score);
      }),
    );
  });

  it('never rises with a better credit score, all else equal', () => {
    fc.assert(
      fc.property(
        arbitraryInput,
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (input, a, b) => {
          const [worse, better] = a <= b ? [a, b] : [b, a];
          expect(scoreRisk({ ...input, creditScore: better }).score).toBeLessThanOrEqual(
            scoreRisk({ ...input, creditScore: worse }).score,
          );
        },
      ),
    );
  });

  it('never falls with one more broken promise, all else equal', () => {
    fc.assert(
      fc.property(arbitraryInput, fc.integer({ min: 0, max: 400 }), (input, ago) => {
        const more: RiskInput = {
          ...input,
          promises: [...input.promises, { status: 'broken', dueDate: addDays(asOf, -ago), graceDays: 0 }],
        };
        expect(scoreRisk(more).score).toBeGreaterThanOrEqual(scoreRisk(input).score);
      }),
    );
  });
});

describe('risk input from ledger facts', () => {
  it('gathers open items, settled payments, promises and the dispute count of one currency', () => {
    const facts: LedgerFacts = {
      invoices: [
        { id: 'A', currency: 'EUR', amount: 600_000, issueDate: '2026-03-02', dueDate: '2026-04-01' },
        { id: 'B', currency: 'EUR', amount: 400_000, issueDate: '2026-06-10', dueDate: '2026-07-10' },
        { id: 'P', currency: 'EUR', amount: 200_000, issueDate: '2026-01-30', dueDate: '2026-03-01' },
        { id: 'Q', currency: 'EUR', amount: 200_000, issueDate: '2026-01-30', dueDate: '2026-03-01' },
        { id: 'Old', currency: 'EUR', amount: 100, issueDate: '2025-06-30', dueDate: '2025-07-30' },
        { id: 'U', currency: 'USD', amount: 999, issueDate: '2026-06-01', dueDate: '2026-06-02' },
      ],
      movements: [
        { kind: 'allocation', invoiceId: 'P', amount: 200_000, date: '2026-03-31' },
        { kind: 'allocation', invoiceId: 'Q', amount: 200_000, date: '2026-02-20' },
        { kind: 'allocation', invoiceId: 'A', amount: 50_000, date: '2026-04-10' },
        { kind: 'reversal', invoiceId: 'A', amount: 50_000, date: '2026-04-14', allocatedOn: '2026-04-10' },
        { kind: 'credit_note', invoiceId: 'Old', amount: 100, date: '2025-07-01' },
      ],
      promises: [
        {
          id: 'x',
          currency: 'EUR',
          amount: 1,
          status: 'broken',
          dueDate: '2026-05-12',
          graceDays: 3,
          resolvedOn: '2026-05-15',
        },
        { id: 'y', currency: 'USD', amount: 1, status: 'broken', dueDate: '2026-05-12', graceDays: 3 },
      ],
      disputes: [
        { id: 'd1', invoiceId: 'A', openedAt: '2026-04-20', resolvedAt: '2026-05-01' },
        { id: 'd2', invoiceId: 'Old', openedAt: '2025-07-15' },
        { id: 'd3', invoiceId: 'B', openedAt: '2026-07-01' },
      ],
    };
    const input = riskInputFromFacts(facts, {
      currency: 'EUR',
      asOf,
      creditScore: 350,
      referenceBalance: 500_000,
    });
    expect(input).toEqual({
      asOf,
      currency: 'EUR',
      openItems: [
        { invoiceId: 'A', currency: 'EUR', outstanding: 600_000, dueDate: '2026-04-01' },
        { invoiceId: 'B', currency: 'EUR', outstanding: 400_000, dueDate: '2026-07-10' },
      ],
      payments: [
        { invoiceId: 'P', currency: 'EUR', amount: 200_000, dueDate: '2026-03-01', paidOn: '2026-03-31' },
        { invoiceId: 'Q', currency: 'EUR', amount: 200_000, dueDate: '2026-03-01', paidOn: '2026-02-20' },
      ],
      promises: [{ status: 'broken', dueDate: '2026-05-12', graceDays: 3, resolvedOn: '2026-05-15' }],
      invoiceCount: 4,
      disputedInvoiceCount: 1,
      creditScore: 350,
      referenceBalance: 500_000,
    });
    // A of A, B, P, Q (Old is outside the 365-day window; B’s dispute opens after asOf): 25% → full.
    expect(scoreRisk(input).factors.find((f) => f.name === 'disputeRate')?.value).toBe(1);
  });
});

describe('risk score: the credit score from a bureau report', () => {
  const scored = (input: RiskInput) => scoreRisk(input).factors.find((f) => f.name === 'creditScore')!;
  const input: RiskInput = {
    ...base,
    openItems: [{ invoiceId: 'inv_1', currency: 'EUR', outstanding: 100_000, dueDate: '2026-07-15' }],
    creditScore: 920,
  };

  it('names the bureau, the report date and age, the band and days beyond terms, with the same value', () => {
    const plain = scored(input);
    const fromReport = scored({
      ...input,
      creditReport: {
        bureau: 'creditsafe',
        fetchedOn: '2026-06-01',
        ratingBand: 'A',
        daysBeyondTerms: 3,
        paymentIndex: null,
        insolvency: false,
      },
    });
    expect(fromReport.value).toBe(plain.value);
    expect(fromReport.contribution).toBe(plain.contribution);
    expect(plain.explanation).toBe('credit score 920 of 1000');
    expect(fromReport.explanation).toBe(
      'credit score 920 of 1000, from the creditsafe report of 2026-06-01 (29 days old): band A, pays 3 days beyond terms',
    );
  });

  it('mentions a payment index and insolvency proceedings when the report has them', () => {
    const explanation = scored({
      ...input,
      creditReport: {
        bureau: 'dnb',
        fetchedOn: '2026-06-30',
        ratingBand: null,
        daysBeyondTerms: null,
        paymentIndex: 72,
        insolvency: true,
      },
    }).explanation;
    expect(explanation).toBe(
      'credit score 920 of 1000, from the dnb report of 2026-06-30 (0 days old): payment index 72, insolvency proceedings reported',
    );
  });
});

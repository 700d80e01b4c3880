import fc from 'fast-check';
import {
  computeLateInterest,
  halfYearStart,
  type LateInterestInput,
} from '../../../shared/domain/interest/late-interest';
import { formatPercent, parsePercent, roundHalfUp } from '../../../shared/domain/interest/percent';
import {
  BANK_OF_ENGLAND_BASE_RATE,
  constantRate,
  ECB_MAIN_REFINANCING_RATE,
  GERMAN_BASE_RATE,
  rateInForce,
} from '../../../shared/domain/interest/reference-rates';
import {
  compensationFor,
  DE_LATE_PAYMENT,
  EU_LATE_PAYMENT,
  GB_LATE_PAYMENT,
  RULE_PACKS,
} from '../../../shared/domain/interest/rule-packs';
import { addDays } from '../../../shared/domain/time/calendar-date';

/** Domain rules §6 example data: "with a reference rate of 4.00%". */
const GB_AT_4 = { ...GB_LATE_PAYMENT, referenceRates: constantRate('4.00') };

const gbDebt = (overrides: Partial<LateInterestInput> = {}): LateInterestInput => ({
  principal: 5_000_00,
  currency: 'GBP',
  dueDate: '2026-01-31',
  asOf: '2026-04-01',
  debtKind: 'business',
  jurisdiction: 'GB',
  ...overrides,
});

describe('late-payment interest: worked example (domain rules §6)', () => {
  it('£5,000.00 due 2026-01-31, paid 2026-04-01 at 4.00% + 8 → 60 days → £98.63, plus £70 compensation', () => {
    const result = computeLateInterest(
      gbDebt({ reductions: [{ date: '2026-04-01', amount: 5_000_00 }], asOf: '2026-04-01' }),
      GB_AT_4,
    );
    expect(result).toMatchObject({
      currency: 'GBP',
      basis: 'statutory',
      daysLate: 60,
      lateDebt: 5_000_00,
      interest: 98_63,
      compensation: 70_00,
      warnings: [],
    });
    expect(result.periods).toEqual([
      {
        from: '2026-02-01',
        to: '2026-04-01',
        days: 60,
        principal: 5_000_00,
        annualRatePercent: '12.00',
        reference: { ratePercent: '4.00', fixedOn: '2025-12-31' },
        dayCountBasis: 365,
        interest: 98_63,
        // 500000 minor units × 12% × 60 / 365 = 9863.01… minor units
        exactInterest: {
          numerator: String(500_000n * 12_000_000n * 60n),
          denominator: String(100n * 10n ** 6n * 365n),
        },
      },
    ]);
  });

  it('stops accruing once the principal is settled, whatever the as-of date', () => {
    const settled = gbDebt({ reductions: [{ date: '2026-04-01', amount: 5_000_00 }] });
    expect(computeLateInterest({ ...settled, asOf: '2026-12-31' }, GB_AT_4).interest).toBe(98_63);
  });

  it('owes nothing on or before the due date', () => {
    for (const asOf of ['2026-01-01', '2026-01-31']) {
      expect(computeLateInterest(gbDebt({ asOf }), GB_AT_4)).toMatchObject({
        interest: 0,
        compensation: 0,
        periods: [],
      });
    }
    const first = computeLateInterest(gbDebt({ asOf: '2026-02-01' }), GB_AT_4);
    expect(first).toMatchObject({ daysLate: 1, interest: 164, compensation: 70_00 }); // 500000 × 0.12 / 365 = 164.38
  });

  it('has no late debt (nor compensation) when paid in full by the due date', () => {
    const paid = gbDebt({ reductions: [{ date: '2026-01-31', amount: 5_000_00 }] });
    expect(computeLateInterest(paid, GB_AT_4)).toMatchObject({ lateDebt: 0, interest: 0, compensation: 0 });
  });
});

describe('late-payment interest: outstanding principal, period by period', () => {
  it('recomputes on the balance after each partial payment', () => {
    const result = computeLateInterest(
      gbDebt({
        reductions: [
          { date: '2026-02-28', amount: 2_000_00 },
          { date: '2026-04-01', amount: 3_000_00 },
        ],
        asOf: '2026-06-30',
      }),
      GB_AT_4,
    );
    expect(result.periods.map(({ from, to, days, principal }) => ({ from, to, days, principal }))).toEqual([
      { from: '2026-02-01', to: '2026-02-28', days: 28, principal: 5_000_00 },
      { from: '2026-03-01', to: '2026-04-01', days: 32, principal: 3_000_00 },
    ]);
    // (500000 × 12 × 28 + 300000 × 12 × 32) / 36500 = 7758.90… → 7759
    expect(result.interest).toBe(77_59);
    expect(result.compensation).toBe(70_00);
  });

  it('rounds half-up once, on the exact sum, not period by period', () => {
    // 36.5% over 365 days = 0.1% a day: 400 minor units → 0.4 for one day; then 200 → 0.2 a day for 2 days.
    const result = computeLateInterest({
      principal: 400,
      currency: 'GBP',
      dueDate: '2026-01-31',
      reductions: [{ date: '2026-02-01', amount: 200 }],
      asOf: '2026-02-03',
      debtKind: 'consumer',
      jurisdiction: 'GB',
      contractRate: { annualRatePercent: '36.5', dayCountBasis: 365 },
    });
    expect(result.periods.map((period) => period.interest)).toEqual([0, 0]); // 0.4 and 0.4 alone
    expect(result.interest).toBe(1); // 0.8 → 1
  });

  it('GB: fixes the reference rate for the half-year in which interest starts to run (SI 2002/1675 art. 4)', () => {
    // Interest starts 2025-06-21: rate in force on 2024-12-31 (4.75%) applies for the whole debt.
    const result = computeLateInterest(
      gbDebt({ dueDate: '2025-06-20', asOf: '2025-09-30', principal: 10_000_00 }),
    );
    expect(result.periods).toHaveLength(1);
    expect(result.periods[0]).toMatchObject({
      from: '2025-06-21',
      to: '2025-09-30',
      days: 102,
      annualRatePercent: '12.75',
      reference: { ratePercent: '4.75', fixedOn: '2024-12-31' },
    });
    // 1,000,000 × 12.75% × 102 / 365 = 35630.13…
    expect(result.interest).toBe(35_630);
    expect(result.compensation).toBe(100_00);
  });

  it('EU: splits a period at 1 July when the ECB reference rate changes', () => {
    const result = computeLateInterest({
      principal: 10_000_00,
      currency: 'EUR',
      dueDate: '2025-05-31',
      asOf: '2025-07-31',
      debtKind: 'business',
      jurisdiction: 'EU',
    });
    expect(
      result.periods.map(({ from, to, days, annualRatePercent, reference }) => ({
        from,
        to,
        days,
        annualRatePercent,
        reference,
      })),
    ).toEqual([
      {
        from: '2025-06-01',
        to: '2025-06-30',
        days: 30,
        annualRatePercent: '11.15',
        reference: { ratePercent: '3.15', fixedOn: '2025-01-01' },
      },
      {
        from: '2025-07-01',
        to: '2025-07-31',
        days: 31,
        annualRatePercent: '10.15',
        reference: { ratePercent: '2.15', fixedOn: '2025-07-01' },
      },
    ]);
    // 1,000,000 × (11.15 × 30 + 10.15 × 31) / 36500 = 17784.93… → €177.85
    expect(result.interest).toBe(177_85);
    expect(result.compensation).toBe(40_00);
  });

  it('DE B2B: Basiszinssatz + 9 points, following the half-year reset, €40', () => {
    const result = computeLateInterest({
      principal: 1_000_00,
      currency: 'EUR',
      dueDate: '2025-06-15',
      asOf: '2025-07-10',
      debtKind: 'business',
      jurisdiction: 'DE',
    });
    expect(result.periods.map(({ days, annualRatePercent }) => [days, annualRatePercent])).toEqual([
      [15, '11.27'],
      [10, '10.27'],
    ]);
    // 100,000 × (11.27 × 15 + 10.27 × 10) / 36500 = 744.52… → 745
    expect(result.interest).toBe(7_45);
    expect(result.compensation).toBe(40_00);
    expect(result.legalBasis).toContain('288');
  });

  it('applies a contractual rate on a 360-day year, to consumer debts too, without compensation', () => {
    const result = computeLateInterest({
      principal: 1_000_00,
      currency: 'USD',
      dueDate: '2026-01-31',
      asOf: '2026-03-02',
      debtKind: 'consumer',
      jurisdiction: 'GB',
      contractRate: { annualRatePercent: '10', dayCountBasis: 360 },
    });
    // 100,000 × 10% × 30 / 360 = 833.33…
    expect(result).toMatchObject({ basis: 'contract', daysLate: 30, interest: 833, compensation: 0 });
    expect(result.periods[0]).toMatchObject({ annualRatePercent: '10.00', dayCountBasis: 360 });
    expect(result.periods[0]?.reference).toBeUndefined();
  });

  it('a contract rate replaces the statutory rate for a business debt; compensation stays', () => {
    const result = computeLateInterest(
      gbDebt({ contractRate: { annualRatePercent: '5', dayCountBasis: 365 } }),
      GB_AT_4,
    );
    // 500,000 × 5% × 60 / 365 = 4109.59…
    expect(result).toMatchObject({ basis: 'contract', interest: 41_10, compensation: 70_00 });
  });

  it('charges a consumer no statutory interest or compensation', () => {
    expect(computeLateInterest(gbDebt({ debtKind: 'consumer' }), GB_AT_4)).toMatchObject({
      basis: 'none',
      daysLate: 60,
      interest: 0,
      compensation: 0,
      periods: [],
    });
  });

  it('does not convert statutory compensation into another currency', () => {
    const result = computeLateInterest(gbDebt({ currency: 'EUR' }), GB_AT_4);
    expect(result.compensation).toBe(0);
    expect(result.interest).toBe(98_63);
    expect(result.warnings).toEqual(['compensation_currency_differs']);
  });

  it('flags rates read past the end of the checked table', () => {
    // Interest starting in 2026-H2 needs the Bank Rate of 2026-06-30, not yet in the table.
    expect(computeLateInterest(gbDebt({ dueDate: '2026-07-15', asOf: '2026-08-15' })).warnings).toEqual([
      'reference_rate_unconfirmed',
    ]);
    expect(computeLateInterest(gbDebt({ dueDate: '2026-01-15', asOf: '2026-03-15' })).warnings).toEqual([]);
  });
});

describe('compensation bands', () => {
  it('GB: £40 under £1,000; £70 from £1,000 to £9,999.99; £100 from £10,000', () => {
    expect(
      [999_99, 1_000_00, 9_999_99, 10_000_00, 1].map((debt) => compensationFor(GB_LATE_PAYMENT, debt)),
    ).toEqual([40_00, 70_00, 70_00, 100_00, 40_00]);
  });

  it('EU and DE: €40', () => {
    expect(compensationFor(EU_LATE_PAYMENT, 5_00)).toBe(40_00);
    expect(compensationFor(DE_LATE_PAYMENT, 50_000_00)).toBe(40_00);
  });
});

describe('reference rate data', () => {
  it('keeps each history strictly ordered by effective date with parseable rates', () => {
    for (const history of [BANK_OF_ENGLAND_BASE_RATE, ECB_MAIN_REFINANCING_RATE, GERMAN_BASE_RATE]) {
      const dates = history.entries.map((entry) => entry.effectiveFrom);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      for (const entry of history.entries) expect(() => parsePercent(entry.ratePercent)).not.toThrow();
    }
  });

  it('reads the rate in force on the fixing days for 2023–2026', () => {
    const gb = (date: string) => rateInForce(BANK_OF_ENGLAND_BASE_RATE, date).ratePercent;
    expect(
      ['2022-12-31', '2023-06-30', '2023-12-31', '2024-06-30', '2024-12-31', '2025-06-30', '2025-12-31'].map(
        gb,
      ),
    ).toEqual(['3.50', '5.00', '5.25', '5.25', '4.75', '4.25', '3.75']);
    const ecb = (date: string) => rateInForce(ECB_MAIN_REFINANCING_RATE, date).ratePercent;
    expect(
      ['2023-01-01', '2023-07-01', '2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01'].map(
        ecb,
      ),
    ).toEqual(['2.50', '4.00', '4.50', '4.25', '3.15', '2.15', '2.15']);
    const de = (date: string) => rateInForce(GERMAN_BASE_RATE, date).ratePercent;
    expect(
      ['2023-01-01', '2023-07-01', '2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01'].map(
        de,
      ),
    ).toEqual(['1.62', '3.12', '3.62', '3.37', '2.27', '1.27', '1.27']);
  });

  it('refuses a date before the first entry', () => {
    expect(() => rateInForce(BANK_OF_ENGLAND_BASE_RATE, '2020-01-01')).toThrow(RangeError);
  });

  it('keeps percent arithmetic exact', () => {
    expect(formatPercent(parsePercent('-0.88') + parsePercent('9'))).toBe('8.12');
    expect(formatPercent(parsePercent('12.125'))).toBe('12.125');
    expect(() => parsePercent('1e2')).toThrow(RangeError);
    expect(roundHalfUp(5n, 10n)).toBe(1n);
    expect(roundHalfUp(4n, 10n)).toBe(0n);
    expect(halfYearStart('2026-06-30')).toBe('2026-01-01');
    expect(halfYearStart('2026-07-01')).toBe('2026-07-01');
  });
});

describe('late-payment interest: properties', () => {
  const day = (offset: number) => addDays('2023-01-01', offset);
  const packs = [GB_AT_4, RULE_PACKS.GB, RULE_PACKS.EU, RULE_PACKS.DE];
  const debt = fc.record({
    principal: fc.integer({ min: 0, max: 1e10 }),
    dueOffset: fc.integer({ min: 0, max: 900 }),
    reductions: fc.array(
      fc.record({ offset: fc.integer({ min: -30, max: 400 }), amount: fc.integer({ min: 0, max: 1e9 }) }),
      {
        maxLength: 5,
      },
    ),
    asOfDelta: fc.integer({ min: -30, max: 400 }),
    pack: fc.constantFrom(...packs),
    contract: fc.option(
      fc.record({
        annualRatePercent: fc
          .integer({ min: 0, max: 30_000 })
          .map((hundredths) => (hundredths / 100).toFixed(2)),
        dayCountBasis: fc.constantFrom(365 as const, 360 as const),
      }),
      { nil: undefined },
    ),
  });
  type DebtSpec = typeof debt extends fc.Arbitrary<infer T> ? T : never;
  const toInput = (spec: DebtSpec, debtKind: 'business' | 'consumer' = 'business') => {
    const dueDate = day(spec.dueOffset);
    return {
      input: {
        principal: spec.principal,
        currency: spec.pack.currency,
        dueDate,
        reductions: spec.reductions.map((r) => ({ date: addDays(dueDate, r.offset), amount: r.amount })),
        asOf: addDays(dueDate, spec.asOfDelta),
        debtKind,
        jurisdiction: spec.pack.jurisdiction,
        ...(spec.contract ? { contractRate: spec.contract } : {}),
      } satisfies LateInterestInput,
      pack: spec.pack,
    };
  };

  it('is never negative, and zero on or before the due date', () => {
    fc.assert(
      fc.property(debt, (spec) => {
        const { input, pack } = toInput(spec);
        const result = computeLateInterest(input, pack);
        expect(result.interest).toBeGreaterThanOrEqual(0);
        expect(result.compensation).toBeGreaterThanOrEqual(0);
        if (input.asOf <= input.dueDate)
          expect(result).toMatchObject({ interest: 0, compensation: 0, periods: [] });
      }),
    );
  });

  it('never decreases as the as-of date moves on', () => {
    fc.assert(
      fc.property(debt, fc.integer({ min: 0, max: 400 }), (spec, extra) => {
        const { input, pack } = toInput(spec);
        const earlier = computeLateInterest(input, pack);
        const later = computeLateInterest({ ...input, asOf: addDays(input.asOf, extra) }, pack);
        expect(later.interest).toBeGreaterThanOrEqual(earlier.interest);
      }),
    );
  });

  it('never increases when a partial payment is added', () => {
    fc.assert(
      fc.property(
        debt,
        fc.integer({ min: -30, max: 400 }),
        fc.integer({ min: 1, max: 1e9 }),
        (spec, offset, amount) => {
          const { input, pack } = toInput(spec);
          const without = computeLateInterest(input, pack);
          const withPayment = computeLateInterest(
            {
              ...input,
              reductions: [...(input.reductions ?? []), { date: addDays(input.dueDate, offset), amount }],
            },
            pack,
          );
          expect(withPayment.interest).toBeLessThanOrEqual(without.interest);
        },
      ),
    );
  });

  it('charges a consumer nothing without a contract rate', () => {
    fc.assert(
      fc.property(debt, (spec) => {
        const { input, pack } = toInput({ ...spec, contract: undefined }, 'consumer');
        expect(computeLateInterest(input, pack)).toMatchObject({ interest: 0, compensation: 0, periods: [] });
      }),
    );
  });

  it('periods tile the late days on which principal was outstanding, and the total is the rounded exact sum', () => {
    fc.assert(
      fc.property(debt, (spec) => {
        const { input, pack } = toInput(spec);
        const result = computeLateInterest(input, pack);
        let numerator = 0n;
        let previousTo: string | undefined;
        for (const period of result.periods) {
          if (previousTo) expect(period.from > previousTo).toBe(true);
          expect(period.from > input.dueDate && period.to <= input.asOf).toBe(true);
          expect(period.principal).toBeGreaterThan(0);
          numerator += BigInt(period.exactInterest.numerator);
          previousTo = period.to;
        }
        const denominator = result.periods[0] ? BigInt(result.periods[0].exactInterest.denominator) : 1n;
        expect(result.interest).toBe(Number(roundHalfUp(numerator, denominator)));
      }),
    );
  });
});

import fc from 'fast-check';
import {
  allocateToCharges,
  chargesOwed,
  chargesToPost,
  type PostedCharge,
} from '../../../shared/domain/interest/charges';
import { computeLateInterest, type LateInterestInput } from '../../../shared/domain/interest/late-interest';
import { constantRate } from '../../../shared/domain/interest/reference-rates';
import { GB_LATE_PAYMENT } from '../../../shared/domain/interest/rule-packs';
import { CurrencyMismatchError } from '../../../shared/domain/money/money';
import { addDays } from '../../../shared/domain/time/calendar-date';

const GB_AT_4 = { ...GB_LATE_PAYMENT, referenceRates: constantRate('4.00') };
const debt: LateInterestInput = {
  principal: 5_000_00,
  currency: 'GBP',
  dueDate: '2026-01-31',
  asOf: '2026-04-01',
  debtKind: 'business',
  jurisdiction: 'GB',
};

const charge = (
  id: string,
  kind: PostedCharge['kind'],
  amount: number,
  postedOn: string,
  waived?: boolean,
): PostedCharge => ({
  id,
  kind,
  currency: 'GBP',
  amount,
  postedOn,
  ...(waived === undefined ? {} : { waived }),
});

describe('charges ledger', () => {
  it('keeps interest and compensation owed after the principal is settled', () => {
    // The worked example: the principal was paid on 2026-04-01; the claim for £98.63 + £70 remains.
    const posted = chargesToPost(
      computeLateInterest({ ...debt, reductions: [{ date: '2026-04-01', amount: 5_000_00 }] }, GB_AT_4),
      [],
      '2026-04-02',
    );
    expect(posted.drafts).toEqual([
      {
        kind: 'compensation',
        currency: 'GBP',
        amount: 70_00,
        postedOn: '2026-04-02',
        throughDate: '2026-04-01',
      },
      { kind: 'interest', currency: 'GBP', amount: 98_63, postedOn: '2026-04-02', throughDate: '2026-04-01' },
    ]);
    const charges = posted.drafts.map((draft, index) => ({ ...draft, id: `c${index}` }));
    const owed = chargesOwed('GBP', charges, []);
    expect(owed.totals).toEqual({ amount: 168_63, paid: 0, waived: 0, owed: 168_63 });
    expect(owed.byKind.interest.owed).toBe(98_63);
    expect(owed.byKind.compensation.owed).toBe(70_00);
  });

  it('subtracts payments and waivers; a waiver forgives only the unpaid part', () => {
    const charges = [
      charge('i1', 'interest', 98_63, '2026-04-02'),
      charge('k1', 'compensation', 70_00, '2026-04-02', true),
      charge('f1', 'fee', 15_00, '2026-03-01'),
    ];
    const owed = chargesOwed('GBP', charges, [
      { chargeId: 'i1', amount: 50_00 },
      { chargeId: 'k1', amount: 20_00 },
    ]);
    expect(owed.charges).toEqual([
      {
        id: 'i1',
        kind: 'interest',
        postedOn: '2026-04-02',
        amount: 98_63,
        paid: 50_00,
        waived: 0,
        owed: 48_63,
      },
      {
        id: 'k1',
        kind: 'compensation',
        postedOn: '2026-04-02',
        amount: 70_00,
        paid: 20_00,
        waived: 50_00,
        owed: 0,
      },
      { id: 'f1', kind: 'fee', postedOn: '2026-03-01', amount: 15_00, paid: 0, waived: 0, owed: 15_00 },
    ]);
    expect(owed.totals).toEqual({ amount: 183_63, paid: 70_00, waived: 50_00, owed: 63_63 });
  });

  it('refuses payments to unknown charges, overpayments and other currencies', () => {
    const charges = [charge('i1', 'interest', 100, '2026-04-02')];
    expect(() => chargesOwed('GBP', charges, [{ chargeId: 'x', amount: 1 }])).toThrow(RangeError);
    expect(() => chargesOwed('GBP', charges, [{ chargeId: 'i1', amount: 101 }])).toThrow(RangeError);
    expect(() => chargesOwed('EUR', charges, [])).toThrow(CurrencyMismatchError);
  });

  it('allocates money to costs before interest, oldest first, and returns the remainder', () => {
    const owed = chargesOwed(
      'GBP',
      [
        charge('i1', 'interest', 30_00, '2026-03-01'),
        charge('k1', 'compensation', 70_00, '2026-04-02'),
        charge('f1', 'fee', 10_00, '2026-04-05'),
        charge('i2', 'interest', 20_00, '2026-02-01'),
      ],
      [],
    );
    expect(allocateToCharges(owed, 100_00)).toEqual({
      allocations: [
        { chargeId: 'f1', amount: 10_00 },
        { chargeId: 'k1', amount: 70_00 },
        { chargeId: 'i2', amount: 20_00 },
      ],
      remainder: 0,
    });
    expect(allocateToCharges(owed, 200_00).remainder).toBe(70_00);
  });
});

describe('posting interest idempotently', () => {
  it('posts only what accrued since the last posting, and nothing twice', () => {
    const posted: PostedCharge[] = [];
    const post = (asOf: string) => {
      const { drafts } = chargesToPost(computeLateInterest({ ...debt, asOf }, GB_AT_4), posted, asOf);
      drafts.forEach((draft) => posted.push({ ...draft, id: `c${posted.length}` }));
      return drafts.map((draft) => [draft.kind, draft.amount]);
    };
    // 500000 × 12% × 28 / 365 = 4602.74… → 46.03 for February
    expect(post('2026-02-28')).toEqual([
      ['compensation', 70_00],
      ['interest', 46_03],
    ]);
    expect(post('2026-02-28')).toEqual([]);
    expect(post('2026-04-01')).toEqual([['interest', 98_63 - 46_03]]);
    expect(post('2026-04-01')).toEqual([]);
    const interestPosted = posted.filter((c) => c.kind === 'interest').reduce((a, c) => a + c.amount, 0);
    expect(interestPosted).toBe(98_63);
  });

  it('never re-posts a waived charge, and reports over-posting instead of a negative charge', () => {
    const accrued = computeLateInterest(debt, GB_AT_4);
    const waived = [
      charge('i1', 'interest', 98_63, '2026-04-01', true),
      charge('k1', 'compensation', 70_00, '2026-04-01', true),
    ];
    expect(chargesToPost(accrued, waived, '2026-04-02')).toEqual({
      drafts: [],
      overPosted: { interest: 0, compensation: 0 },
    });
    // A back-dated part payment lowers the accrual below what was posted.
    const lower = computeLateInterest(
      { ...debt, reductions: [{ date: '2026-02-15', amount: 2_500_00 }] },
      GB_AT_4,
    );
    expect(chargesToPost(lower, waived, '2026-04-02').overPosted.interest).toBe(98_63 - lower.interest);
  });

  it('sums the postings to the interest accrued at the last date, whatever the posting days', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -10, max: 400 }), { minLength: 1, maxLength: 12 }),
        (offsets) => {
          const dates = offsets.sort((a, b) => a - b).map((offset) => addDays(debt.dueDate, offset));
          const posted: PostedCharge[] = [];
          for (const asOf of dates) {
            const { drafts } = chargesToPost(computeLateInterest({ ...debt, asOf }, GB_AT_4), posted, asOf);
            drafts.forEach((draft) => posted.push({ ...draft, id: `c${posted.length}` }));
          }
          const last = computeLateInterest({ ...debt, asOf: dates.at(-1) ?? debt.dueDate }, GB_AT_4);
          const sumOf = (kind: string) =>
            posted.filter((c) => c.kind === kind).reduce((a, c) => a + c.amount, 0);
          expect(sumOf('interest')).toBe(last.interest);
          expect(sumOf('compensation')).toBe(last.compensation);
        },
      ),
      { numRuns: 50 },
    );
  });
});

/**
 * Statutory late-payment rules per jurisdiction, as data (domain rules §6). A rule pack says which
 * reference rate applies, how it is fixed for a half-year, the margin on top, the day count and the
 * fixed compensation. Rates themselves live in `reference-rates.ts`; a pack can be copied with
 * another history (`{ ...GB_LATE_PAYMENT, referenceRates: constantRate('4.00') }`).
 */
import type { CurrencyCode } from '../money/currencies';
import {
  BANK_OF_ENGLAND_BASE_RATE,
  ECB_MAIN_REFINANCING_RATE,
  GERMAN_BASE_RATE,
  type RateHistory,
} from './reference-rates';

export type Jurisdiction = 'GB' | 'EU' | 'DE';

export type DayCountBasis = 365 | 360;

/** Fixed compensation: `amount` is due when the late debt is at least `fromAmount` (minor units). */
export interface CompensationBand {
  readonly fromAmount: number;
  readonly amount: number;
}

export interface RulePack {
  readonly jurisdiction: Jurisdiction;
  readonly legalBasis: string;
  /** Currency of the compensation amounts; compensation is not converted into other currencies. */
  readonly currency: CurrencyCode;
  readonly referenceRates: RateHistory;
  /**
   * Which day of the calendar fixes the reference rate for a half-year (1 Jan–30 Jun, 1 Jul–31 Dec):
   * the day before it starts (30 June / 31 December) or its first day (1 January / 1 July).
   */
  readonly referenceDay: 'day_before_half_year' | 'first_day_of_half_year';
  /**
   * `debt`: the rate fixed for the half-year in which interest starts to run applies for the whole
   * life of the debt. `half_year`: each half-year uses its own rate (a period crossing 1 January or
   * 1 July is split).
   */
  readonly rateFixedFor: 'debt' | 'half_year';
  /** Points over the reference rate, decimal percent string. */
  readonly marginPercent: string;
  readonly dayCountBasis: DayCountBasis;
  /** Ascending by `fromAmount`; the last band whose `fromAmount` ≤ the late debt applies. */
  readonly compensation: readonly CompensationBand[];
}

/**
 * England & Wales and Northern Ireland: Late Payment of Commercial Debts (Interest) Act 1998.
 * Rate: SI 2002/1675 art. 4 — 8% over the Bank of England rate in force on 30 June (for interest
 * which starts to run 1 July–31 December) or 31 December (for interest which starts to run
 * 1 January–30 June) immediately before the day statutory interest starts to run; the rate is
 * therefore fixed for the life of the debt. Simple interest, principal × rate × days / 365.
 * Compensation: s. 5A — £40 under £1,000; £70 from £1,000 to £9,999.99; £100 from £10,000.
 */
export const GB_LATE_PAYMENT: RulePack = {
  jurisdiction: 'GB',
  legalBasis: 'Late Payment of Commercial Debts (Interest) Act 1998; SI 2002/1675 art. 4; s. 5A',
  currency: 'GBP',
  referenceRates: BANK_OF_ENGLAND_BASE_RATE,
  referenceDay: 'day_before_half_year',
  rateFixedFor: 'debt',
  marginPercent: '8',
  dayCountBasis: 365,
  compensation: [
    { fromAmount: 0, amount: 40_00 },
    { fromAmount: 1_000_00, amount: 70_00 },
    { fromAmount: 10_000_00, amount: 100_00 },
  ],
};

/**
 * EU default: Directive 2011/7/EU art. 2 (statutory interest = reference rate + at least 8 points;
 * reference rate = ECB main refinancing rate in force on the first calendar day of the half-year,
 * applied for that half-year) and art. 6 (a fixed sum of at least €40 per late debt). Member states
 * transpose it with their own figures: add a pack per state, as for DE.
 */
export const EU_LATE_PAYMENT: RulePack = {
  jurisdiction: 'EU',
  legalBasis: 'Directive 2011/7/EU art. 2, art. 6',
  currency: 'EUR',
  referenceRates: ECB_MAIN_REFINANCING_RATE,
  referenceDay: 'first_day_of_half_year',
  rateFixedFor: 'half_year',
  marginPercent: '8',
  dayCountBasis: 365,
  compensation: [{ fromAmount: 0, amount: 40_00 }],
};

/**
 * Germany, between businesses: § 288 (2) BGB — 9 points over the Basiszinssatz (§ 247 BGB, reset on
 * 1 January and 1 July, so the rate follows each half-year); § 288 (5) BGB — €40 flat.
 * (§ 288 (1) BGB's 5 points for consumers is not claimed by default: domain rules §6.)
 */
export const DE_LATE_PAYMENT: RulePack = {
  jurisdiction: 'DE',
  legalBasis: '§ 288 (2), (5) BGB; § 247 BGB',
  currency: 'EUR',
  referenceRates: GERMAN_BASE_RATE,
  referenceDay: 'first_day_of_half_year',
  rateFixedFor: 'half_year',
  marginPercent: '9',
  dayCountBasis: 365,
  compensation: [{ fromAmount: 0, amount: 40_00 }],
};

export const RULE_PACKS: Readonly<Record<Jurisdiction, RulePack>> = {
  GB: GB_LATE_PAYMENT,
  EU: EU_LATE_PAYMENT,
  DE: DE_LATE_PAYMENT,
};

/** The fixed compensation for a late debt of `lateDebt` minor units (0 when no band applies). */
export function compensationFor(pack: RulePack, lateDebt: number): number {
  let amount = 0;
  for (const band of pack.compensation) if (lateDebt >= band.fromAmount) amount = band.amount;
  return amount;
}

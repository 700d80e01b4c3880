/**
 * Late-payment interest and fixed compensation (domain rules §6).
 *
 * - Interest runs from the day after the due date up to and including the as-of date (or the
 *   settlement date): days late = as-of − due date ("due 2026-01-31, paid 2026-04-01 → 60 days").
 * - It accrues on the OUTSTANDING principal: a payment or credit dated D still leaves the day D
 *   accrued on the old principal and reduces it from D + 1 on (so a debt settled on D accrues
 *   exactly D − due date days, as in the worked example).
 * - Periods are split wherever the principal or the annual rate changes (a half-year boundary under
 *   a `half_year` rule pack). Each period's interest is the exact fraction
 *   principal × rate × days / (100 × day-count basis); the fractions are summed exactly and the sum
 *   is rounded half-up ONCE to the minor unit (domain rules §1). A period's `interest` is that
 *   period's fraction rounded on its own, for display only: the periods' rounded figures need not
 *   add up to the total.
 * - Consumer debts carry no statutory interest and no compensation; a contractual rate applies to
 *   any debt and replaces the statutory rate. Business debts owe the jurisdiction's fixed
 *   compensation once the debt is late, whether interest is statutory or contractual.
 */
import { isCurrencyCode, type CurrencyCode } from '../money/currencies';
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  isCalendarDate,
  type CalendarDate,
} from '../time/calendar-date';
import { formatPercent, interestDenominator, parsePercent, roundHalfUp, type MicroPercent } from './percent';
import { rateInForce } from './reference-rates';
import {
  compensationFor,
  RULE_PACKS,
  type DayCountBasis,
  type Jurisdiction,
  type RulePack,
} from './rule-packs';

export type DebtKind = 'business' | 'consumer';

/** A payment, credit note or write-off that lowers the principal, in minor units of the debt's currency. */
export interface PrincipalReduction {
  readonly date: CalendarDate;
  readonly amount: number;
}

/** A rate agreed in the contract: simple annual percent over a 365- or 360-day year. */
export interface ContractRate {
  readonly annualRatePercent: string;
  readonly dayCountBasis: DayCountBasis;
}

export interface LateInterestInput {
  /** Invoice principal in minor units. */
  readonly principal: number;
  readonly currency: CurrencyCode;
  readonly dueDate: CalendarDate;
  readonly reductions?: readonly PrincipalReduction[];
  /** Last day interest accrues: today, or the settlement date. */
  readonly asOf: CalendarDate;
  readonly debtKind: DebtKind;
  readonly jurisdiction: Jurisdiction;
  readonly contractRate?: ContractRate;
}

export interface InterestPeriod {
  /** First and last day of accrual, both inclusive. */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly days: number;
  /** Outstanding principal during the period, minor units. */
  readonly principal: number;
  /** Annual rate applied (reference + margin, or the contract rate), decimal percent. */
  readonly annualRatePercent: string;
  /** The reference rate and the day that fixed it; absent under a contract rate. */
  readonly reference?: { readonly ratePercent: string; readonly fixedOn: CalendarDate };
  readonly dayCountBasis: DayCountBasis;
  /** This period alone, rounded half-up: for display; the total is rounded from the exact sum. */
  readonly interest: number;
  /** Exact interest in minor units = numerator / denominator (decimal integer strings). */
  readonly exactInterest: { readonly numerator: string; readonly denominator: string };
}

export type LateInterestWarning =
  /** A reference rate was read past its table's `knownThrough` date. */
  | 'reference_rate_unconfirmed'
  /** The debt's currency is not the one the law fixes compensation in: none computed. */
  | 'compensation_currency_differs';

export interface LateInterest {
  readonly currency: CurrencyCode;
  readonly basis: 'statutory' | 'contract' | 'none';
  readonly legalBasis?: string;
  readonly dueDate: CalendarDate;
  readonly asOf: CalendarDate;
  /** as-of − due date, never below 0. */
  readonly daysLate: number;
  /** Principal outstanding when interest started to run (decides the compensation band). */
  readonly lateDebt: number;
  /** Minor units, rounded half-up once from the exact sum of the periods. */
  readonly interest: number;
  readonly compensation: number;
  readonly periods: readonly InterestPeriod[];
  readonly warnings: readonly LateInterestWarning[];
}

function assertInput(input: LateInterestInput): void {
  if (!Number.isSafeInteger(input.principal) || input.principal < 0) {
    throw new RangeError(`principal must be a non-negative integer of minor units: ${input.principal}`);
  }
  if (!isCurrencyCode(input.currency)) throw new RangeError(`Unknown ISO 4217 currency: ${input.currency}`);
  for (const date of [input.dueDate, input.asOf]) {
    if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  }
  for (const reduction of input.reductions ?? []) {
    if (!isCalendarDate(reduction.date)) throw new RangeError(`Not a calendar date: ${reduction.date}`);
    if (!Number.isSafeInteger(reduction.amount) || reduction.amount < 0) {
      throw new RangeError(`A reduction must be a non-negative integer of minor units: ${reduction.amount}`);
    }
  }
}

/** 1 January or 1 July of the half-year containing `date`. */
export function halfYearStart(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 4)}-${date.slice(5, 7) <= '06' ? '01' : '07'}-01`;
}

/** The day whose rate fixes the reference rate for the half-year starting on `start`. */
export function referenceFixingDay(pack: RulePack, start: CalendarDate): CalendarDate {
  return pack.referenceDay === 'first_day_of_half_year' ? start : addDays(start, -1);
}

interface RateSource {
  readonly dayCountBasis: DayCountBasis;
  /** Dates after the start where the rate may change (half-year starts under a `half_year` pack). */
  readonly changes: (from: CalendarDate, to: CalendarDate) => CalendarDate[];
  readonly rateOn: (date: CalendarDate) => {
    rate: MicroPercent;
    reference?: { ratePercent: string; fixedOn: CalendarDate };
    confirmed: boolean;
  };
}

function contractSource(contract: ContractRate): RateSource {
  const rate = parsePercent(contract.annualRatePercent);
  if (rate < 0n) throw new RangeError(`A contract rate cannot be negative: ${contract.annualRatePercent}`);
  if (contract.dayCountBasis !== 365 && contract.dayCountBasis !== 360) {
    throw new RangeError(`Day-count basis must be 365 or 360: ${contract.dayCountBasis}`);
  }
  return {
    dayCountBasis: contract.dayCountBasis,
    changes: () => [],
    rateOn: () => ({ rate, confirmed: true }),
  };
}

function statutorySource(pack: RulePack, interestStarts: CalendarDate): RateSource {
  const margin = parsePercent(pack.marginPercent);
  const rateForHalfYear = (start: CalendarDate) => {
    const fixedOn = referenceFixingDay(pack, start);
    const reference = rateInForce(pack.referenceRates, fixedOn);
    const rate = reference.rate + margin;
    if (rate < 0n) throw new RangeError(`Negative statutory rate on ${fixedOn}`);
    return {
      rate,
      reference: { ratePercent: reference.ratePercent, fixedOn },
      confirmed: reference.confirmed,
    };
  };
  if (pack.rateFixedFor === 'debt') {
    const fixed = rateForHalfYear(halfYearStart(interestStarts));
    return { dayCountBasis: pack.dayCountBasis, changes: () => [], rateOn: () => fixed };
  }
  return {
    dayCountBasis: pack.dayCountBasis,
    changes: (from, to) => {
      const starts: CalendarDate[] = [];
      for (
        let start = addMonthsClamped(halfYearStart(from), 6);
        start <= to;
        start = addMonthsClamped(start, 6)
      ) {
        starts.push(start);
      }
      return starts;
    },
    rateOn: (date) => rateForHalfYear(halfYearStart(date)),
  };
}

/**
 * Interest and compensation owed on one debt as of a date. `pack` defaults to the jurisdiction's
 * statutory rules; pass another (e.g. with `constantRate('4.00')`) to use other rate data.
 */
export function computeLateInterest(
  input: LateInterestInput,
  pack: RulePack = RULE_PACKS[input.jurisdiction],
): LateInterest {
  assertInput(input);
  const interestStarts = addDays(input.dueDate, 1);
  const daysLate = Math.max(0, daysBetween(input.dueDate, input.asOf));
  // A reduction dated D lowers the principal from D + 1; one dated on or before the due date
  // lowers it before interest starts.
  const reductions = (input.reductions ?? []).map((reduction) => {
    const next = addDays(reduction.date, 1);
    return { from: next < interestStarts ? interestStarts : next, amount: reduction.amount };
  });
  const principalOn = (date: CalendarDate) =>
    Math.max(
      0,
      reductions.reduce(
        (left, reduction) => (reduction.from <= date ? left - reduction.amount : left),
        input.principal,
      ),
    );
  const lateDebt = daysLate > 0 ? principalOn(interestStarts) : 0;
  const basis = input.contractRate ? 'contract' : input.debtKind === 'business' ? 'statutory' : 'none';
  const warnings = new Set<LateInterestWarning>();

  let compensation = 0;
  if (input.debtKind === 'business' && lateDebt > 0) {
    if (input.currency === pack.currency) compensation = compensationFor(pack, lateDebt);
    else warnings.add('compensation_currency_differs');
  }

  const base = {
    currency: input.currency,
    basis,
    ...(basis === 'statutory' ? { legalBasis: pack.legalBasis } : {}),
    dueDate: input.dueDate,
    asOf: input.asOf,
    daysLate,
    lateDebt,
    compensation,
  } as const;
  if (basis === 'none' || lateDebt === 0)
    return { ...base, interest: 0, periods: [], warnings: [...warnings] };

  const source = input.contractRate
    ? contractSource(input.contractRate)
    : statutorySource(pack, interestStarts);
  const denominator = interestDenominator(source.dayCountBasis);
  const breaks = new Set<CalendarDate>([interestStarts, ...source.changes(interestStarts, input.asOf)]);
  for (const reduction of reductions) if (reduction.from <= input.asOf) breaks.add(reduction.from);
  const starts = [...breaks].sort();

  interface Draft {
    from: CalendarDate;
    to: CalendarDate;
    principal: number;
    rate: MicroPercent;
    reference?: { ratePercent: string; fixedOn: CalendarDate };
  }
  const drafts: Draft[] = [];
  starts.forEach((from, index) => {
    const next = starts[index + 1];
    const to = next === undefined ? input.asOf : addDays(next, -1);
    const principal = principalOn(from);
    if (principal === 0) return;
    const { rate, reference, confirmed } = source.rateOn(from);
    if (!confirmed) warnings.add('reference_rate_unconfirmed');
    const previous = drafts.at(-1);
    if (
      previous &&
      previous.principal === principal &&
      previous.rate === rate &&
      addDays(previous.to, 1) === from
    ) {
      previous.to = to;
    } else {
      drafts.push({ from, to, principal, rate, ...(reference ? { reference } : {}) });
    }
  });

  let exactTotal = 0n;
  const periods = drafts.map((draft): InterestPeriod => {
    const days = daysBetween(draft.from, draft.to) + 1;
    const numerator = BigInt(draft.principal) * draft.rate * BigInt(days);
    exactTotal += numerator;
    return {
      from: draft.from,
      to: draft.to,
      days,
      principal: draft.principal,
      annualRatePercent: formatPercent(draft.rate),
      ...(draft.reference ? { reference: draft.reference } : {}),
      dayCountBasis: source.dayCountBasis,
      interest: Number(roundHalfUp(numerator, denominator)),
      exactInterest: { numerator: numerator.toString(), denominator: denominator.toString() },
    };
  });

  return {
    ...base,
    interest: Number(roundHalfUp(exactTotal, denominator)),
    periods,
    warnings: [...warnings],
  };
}

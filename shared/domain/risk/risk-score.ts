/**
 * An explainable risk score per debtor: 0 (no sign of risk) … 100 (riskiest), an integer.
 *
 * Each factor turns an observation into a value between 0 and 1 (parameters in RISK_MODEL):
 * - daysPastDue: the worst overdue invoice, min(1, days past due / 120) × min(1, its share of the
 *   open balance / 10%): the oldest debt counts, weighted by amount so a trifle cannot dominate.
 * - overdueShare: overdue part of the open balance ÷ open balance.
 * - brokenPromises: broken promises, each counting 1 within 90 days of the as-of date and 0.5 up
 *   to 365 days; full at 3.
 * - paymentHistory: amount-weighted average days late of past payments (early = 0); full at 60.
 * - disputeRate: invoices disputed ÷ invoices, over the look-back window; full at 25%.
 * - creditScore (0–1000, higher is better): 1 − score / 1000. When a bureau's report set it, the
 *   explanation names the bureau, the report's date and age, its band, days beyond terms or payment
 *   index, and any insolvency; the value is the same either way.
 * - balanceSize: open balance ÷ reference balance (e.g. the tenant's median debtor balance in that
 *   currency), in bands: ≤ 0.5× → 0, ≤ 1× → 0.25, ≤ 2× → 0.5, ≤ 4× → 0.75, above → 1.
 *
 * score = round half-up (Σ weight × value ÷ Σ weight of the factors with data × 100). A factor
 * without data (no credit score, no past payments, no invoices in the window, no reference
 * balance) has value null and contribution 0: its weight is spread over the others rather than
 * guessed. The first three factors always have data. Every value is monotone in its observation,
 * so more days past due never lowers the score and a better credit score never raises it.
 *
 * The score reads one currency's book: open items and payments must all be in `currency`
 * (mixing throws). Deterministic: the same input always gives the same score and explanations.
 *
 * Worked examples (as of 2026-06-30, EUR), tested in test/unit/risk:
 * 1. Steady payer: 10,000.00 open, due 2026-07-15; past payments on time; no promises; 0 of 12
 *    invoices disputed; credit score 800; reference balance 20,000.00 → every factor 0 except
 *    creditScore 0.2 × 10 = 2 points → score 2.
 * 2. Struggling debtor: 6,000.00 due 2026-04-01 (90 days) and 4,000.00 due 2026-07-10; promises
 *    broken on 2026-05-15 (46 days ago, counts 1) and 2025-12-01 (211 days, counts 0.5); past
 *    payments of 2,000.00 30 days late and 2,000.00 on time; 2 of 10 invoices disputed; credit
 *    score 350; reference balance 5,000.00 → daysPastDue 0.75 × 25 = 18.75, overdueShare
 *    0.6 × 20 = 12, brokenPromises 0.5 × 15 = 7.5, paymentHistory 0.25 × 15 = 3.75, disputeRate
 *    0.8 × 5 = 4, creditScore 0.65 × 10 = 6.5, balanceSize (2×) 0.5 × 10 = 5 → 57.5 → score 58.
 * 3. New debtor, little known: 1,000.00 60 days past due, nothing else → factors with data weigh
 *    25 + 20 + 15 = 60; daysPastDue 0.5 × 25 + overdueShare 1 × 20 = 32.5 of 60 → 54.17 → 54.
 */
import { money, toDecimalString } from '../money/money';
import type { CurrencyCode } from '../money/currencies';
import { addDays, daysBetween, isCalendarDate, type CalendarDate } from '../time/calendar-date';
import type { PromiseStatus } from '../metrics/ledger-facts';
import { RISK_MODEL, type RiskFactorName, type RiskModel } from './risk-model';

export interface RiskOpenItem {
  invoiceId: string;
  currency: CurrencyCode;
  /** Minor units still owed. */
  outstanding: number;
  dueDate: CalendarDate;
}

export interface RiskPayment {
  invoiceId: string;
  currency: CurrencyCode;
  /** Minor units paid (net of any reversal). */
  amount: number;
  dueDate: CalendarDate;
  paidOn: CalendarDate;
}

export interface RiskPromise {
  status: PromiseStatus;
  dueDate: CalendarDate;
  graceDays: number;
  resolvedOn?: CalendarDate;
}

export interface RiskCreditReport {
  bureau: string;
  /** The day the report was fetched. */
  fetchedOn: CalendarDate;
  ratingBand: string | null;
  daysBeyondTerms: number | null;
  paymentIndex: number | null;
  insolvency: boolean;
}

export interface RiskInput {
  asOf: CalendarDate;
  currency: CurrencyCode;
  openItems: readonly RiskOpenItem[];
  payments: readonly RiskPayment[];
  promises: readonly RiskPromise[];
  /** Invoices issued in the look-back window, and how many of them were disputed. */
  invoiceCount: number;
  disputedInvoiceCount: number;
  /** 0 (worst) … 1000 (best); absent when unknown. */
  creditScore?: number;
  /** The bureau report the credit score came from, when it came from one: named in the explanation. */
  creditReport?: RiskCreditReport;
  /** A typical open balance in `currency` (minor units), e.g. the tenant's median per debtor. */
  referenceBalance?: number;
}

export interface RiskFactor {
  name: RiskFactorName;
  /** The model's weight, points out of 100 before rescaling. */
  weight: number;
  /** 0 … 1 (4 decimals), or null when there is no data for it. */
  value: number | null;
  /** Points this factor adds to the score (2 decimals); the score is their sum, rounded. */
  contribution: number;
  explanation: string;
}

export interface RiskScore {
  score: number;
  modelVersion: string;
  factors: RiskFactor[];
}

interface Observation {
  value: number | null;
  explanation: string;
}

export function scoreRisk(input: RiskInput, model: RiskModel = RISK_MODEL): RiskScore {
  assertRiskInput(input, model);
  const observations: Record<RiskFactorName, Observation> = {
    daysPastDue: daysPastDue(input, model),
    overdueShare: overdueShare(input),
    brokenPromises: brokenPromises(input, model),
    paymentHistory: paymentHistory(input, model),
    disputeRate: disputeRate(input, model),
    creditScore: creditScore(input, model),
    balanceSize: balanceSize(input, model),
  };
  const names = Object.keys(observations) as RiskFactorName[];
  const available = names.reduce(
    (sum, name) => sum + (observations[name].value === null ? 0 : model.weights[name]),
    0,
  );
  let total = 0;
  const factors = names.map((name): RiskFactor => {
    const { value, explanation } = observations[name];
    const weight = model.weights[name];
    const points = value === null || available === 0 ? 0 : (weight * value * 100) / available;
    total += points;
    return {
      name,
      weight,
      value: value === null ? null : round(value, 4),
      contribution: round(points, 2),
      explanation:
        value === null ? `${explanation}; its weight is spread over the other factors` : explanation,
    };
  });
  return { score: Math.min(100, Math.max(0, round(total, 0))), modelVersion: model.version, factors };
}

function daysPastDue(input: RiskInput, model: RiskModel): Observation {
  const balance = openBalance(input);
  let worst: { value: number; item: RiskOpenItem; days: number } | undefined;
  for (const item of input.openItems) {
    const days = daysBetween(item.dueDate, input.asOf);
    if (days <= 0 || item.outstanding === 0) continue;
    const age = Math.min(1, days / model.daysPastDueFull);
    const materiality = Math.min(1, item.outstanding / (balance * model.materialShare));
    const value = age * materiality;
    if (!worst || value > worst.value || (value === worst.value && days > worst.days))
      worst = { value, item, days };
  }
  if (!worst) return { value: 0, explanation: 'nothing is past due' };
  const share = percent(worst.item.outstanding / balance);
  return {
    value: worst.value,
    explanation:
      `invoice ${worst.item.invoiceId} is ${worst.days} days past due (counts fully from ${model.daysPastDueFull}) ` +
      `and ${share} of the open balance (counts fully from ${percent(model.materialShare)})`,
  };
}

function overdueShare(input: RiskInput): Observation {
  const balance = openBalance(input);
  if (balance === 0) return { value: 0, explanation: 'nothing is owed' };
  const overdue = input.openItems
    .filter((item) => item.dueDate < input.asOf)
    .reduce((sum, item) => sum + item.outstanding, 0);
  return {
    value: overdue / balance,
    explanation: `${amount(overdue, input)} of the ${amount(balance, input)} owed is past due (${percent(overdue / balance)})`,
  };
}

function brokenPromises(input: RiskInput, model: RiskModel): Observation {
  const { recentDays, olderWeight, forgetDays, full } = model.brokenPromise;
  let recent = 0;
  let older = 0;
  for (const promise of input.promises) {
    if (promise.status !== 'broken') continue;
    const brokenOn = promise.resolvedOn ?? addDays(promise.dueDate, promise.graceDays);
    const age = daysBetween(brokenOn, input.asOf);
    if (age < 0 || age > forgetDays) continue;
    if (age <= recentDays) recent += 1;
    else older += 1;
  }
  const weighted = recent + older * olderWeight;
  if (weighted === 0) return { value: 0, explanation: `no promise broken in the last ${forgetDays} days` };
  return {
    value: Math.min(1, weighted / full),
    explanation:
      `${recent} promise(s) broken in the last ${recentDays} days, ${older} earlier within ${forgetDays} days ` +
      `(counting ${olderWeight}); full at ${full}`,
  };
}

function paymentHistory(input: RiskInput, model: RiskModel): Observation {
  let paid = 0;
  let weightedDays = 0;
  for (const payment of input.payments) {
    if (payment.paidOn > input.asOf) continue;
    paid += payment.amount;
    weightedDays += payment.amount * Math.max(0, daysBetween(payment.dueDate, payment.paidOn));
  }
  if (paid === 0) return { value: null, explanation: 'no past payments to judge by' };
  const late = weightedDays / paid;
  return {
    value: Math.min(1, late / model.paymentLatenessFull),
    explanation: `past payments came ${round(late, 1)} days late on average, weighted by amount (full at ${model.paymentLatenessFull})`,
  };
}

function disputeRate(input: RiskInput, model: RiskModel): Observation {
  if (input.invoiceCount === 0) return { value: null, explanation: 'no invoices in the look-back window' };
  const rate = input.disputedInvoiceCount / input.invoiceCount;
  return {
    value: Math.min(1, rate / model.disputeRateFull),
    explanation: `${input.disputedInvoiceCount} of ${input.invoiceCount} invoices disputed (${percent(rate)}; full at ${percent(model.disputeRateFull)})`,
  };
}

function creditScore(input: RiskInput, model: RiskModel): Observation {
  if (input.creditScore === undefined) return { value: null, explanation: 'no credit score on record' };
  const report = input.creditReport;
  return {
    value: 1 - input.creditScore / model.creditScoreMax,
    explanation:
      `credit score ${input.creditScore} of ${model.creditScoreMax}` +
      (report ? `, ${bureauSource(report, input.asOf)}` : ''),
  };
}

/** "from the creditsafe report of 2026-06-01 (30 days old): band A, 12 days beyond terms". */
function bureauSource(report: RiskCreditReport, asOf: CalendarDate): string {
  const details = [
    ...(report.ratingBand ? [`band ${report.ratingBand}`] : []),
    ...(report.daysBeyondTerms !== null ? [`pays ${report.daysBeyondTerms} days beyond terms`] : []),
    ...(report.paymentIndex !== null ? [`payment index ${report.paymentIndex}`] : []),
    ...(report.insolvency ? ['insolvency proceedings reported'] : []),
  ];
  const age = Math.max(0, daysBetween(report.fetchedOn, asOf));
  return (
    `from the ${report.bureau} report of ${report.fetchedOn} (${age} days old)` +
    (details.length > 0 ? `: ${details.join(', ')}` : '')
  );
}

function balanceSize(input: RiskInput, model: RiskModel): Observation {
  if (input.referenceBalance === undefined || input.referenceBalance <= 0) {
    return { value: null, explanation: 'no reference balance to compare with' };
  }
  const times = openBalance(input) / input.referenceBalance;
  const band = model.balanceBands.find((candidate) => times <= candidate.upTo) ?? {
    upTo: Infinity,
    value: 1,
  };
  const bandText = band.upTo === Infinity ? 'the top band' : `the band up to ${band.upTo}×`;
  return {
    value: band.value,
    explanation: `open balance ${amount(openBalance(input), input)} is ${round(times, 2)}× the reference ${amount(input.referenceBalance, input)} (${bandText})`,
  };
}

function assertRiskInput(input: RiskInput, model: RiskModel): void {
  if (!isCalendarDate(input.asOf)) throw new RangeError(`asOf is not a calendar date: ${input.asOf}`);
  for (const item of [...input.openItems, ...input.payments]) {
    if (item.currency !== input.currency) {
      throw new RangeError(
        `Invoice ${item.invoiceId} is in ${item.currency}; the score reads ${input.currency} only`,
      );
    }
  }
  for (const item of input.openItems)
    nonNegativeInteger(item.outstanding, `outstanding of ${item.invoiceId}`);
  for (const payment of input.payments) nonNegativeInteger(payment.amount, `payment on ${payment.invoiceId}`);
  nonNegativeInteger(input.invoiceCount, 'invoiceCount');
  nonNegativeInteger(input.disputedInvoiceCount, 'disputedInvoiceCount');
  if (input.disputedInvoiceCount > input.invoiceCount)
    throw new RangeError('More invoices disputed than invoiced');
  if (
    input.creditScore !== undefined &&
    !(
      Number.isFinite(input.creditScore) &&
      input.creditScore >= 0 &&
      input.creditScore <= model.creditScoreMax
    )
  ) {
    throw new RangeError(`Credit score must be between 0 and ${model.creditScoreMax}: ${input.creditScore}`);
  }
  if (input.referenceBalance !== undefined) nonNegativeInteger(input.referenceBalance, 'referenceBalance');
}

function nonNegativeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer: ${value}`);
}

function openBalance(input: RiskInput): number {
  return input.openItems.reduce((sum, item) => sum + item.outstanding, 0);
}

function amount(minorUnits: number, input: RiskInput): string {
  return `${toDecimalString(money(minorUnits, input.currency))} ${input.currency}`;
}

function percent(share: number): string {
  return `${round(share * 100, 0)}%`;
}

/** Half-up rounding that first snaps away binary noise (0.575 stored as 0.57499… rounds to 0.58). */
function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const snapped = Math.round(value * scale * 1e6) / 1e6;
  const result = Math.floor(snapped + 0.5) / scale;
  return result === 0 ? 0 : result;
}

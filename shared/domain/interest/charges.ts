/**
 * Interest and fees claimed on a debt, kept apart from its principal. A posted charge stays owed
 * until it is paid or waived: settling the principal never clears it (the ERPNext pain in
 * style.md). Posting is idempotent: the next interest charge is what has accrued to date minus what
 * was already posted, so re-running a posting job for the same day posts nothing.
 */
import { CurrencyMismatchError } from '../money/money';
import type { CurrencyCode } from '../money/currencies';
import type { CalendarDate } from '../time/calendar-date';
import type { LateInterest } from './late-interest';

export type ChargeKind = 'interest' | 'compensation' | 'fee';

export const CHARGE_KINDS: readonly ChargeKind[] = ['interest', 'compensation', 'fee'];

export interface PostedCharge {
  readonly id: string;
  readonly kind: ChargeKind;
  readonly currency: CurrencyCode;
  /** Minor units, > 0. */
  readonly amount: number;
  readonly postedOn: CalendarDate;
  /** For interest: the last day of accrual this charge covers. */
  readonly throughDate?: CalendarDate;
  /** A waived charge forgives whatever of it was not paid; what was paid stays paid. */
  readonly waived?: boolean;
}

/** Part of a payment applied to one charge. */
export interface ChargePayment {
  readonly chargeId: string;
  readonly amount: number;
}

export interface ChargeBalance {
  readonly id: string;
  readonly kind: ChargeKind;
  readonly postedOn: CalendarDate;
  readonly amount: number;
  readonly paid: number;
  readonly waived: number;
  readonly owed: number;
}

export interface ChargeTotals {
  readonly amount: number;
  readonly paid: number;
  readonly waived: number;
  readonly owed: number;
}

export interface ChargesOwed {
  readonly currency: CurrencyCode;
  readonly charges: readonly ChargeBalance[];
  readonly totals: ChargeTotals;
  readonly byKind: Readonly<Record<ChargeKind, ChargeTotals>>;
}

function assertMinorUnits(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new RangeError(`${what} must be a positive integer: ${value}`);
}

/**
 * What is still owed on one debt's charges (all in the debt's currency), given the payments applied
 * to them. A payment naming an unknown charge, or paying more than a charge, is refused.
 */
export function chargesOwed(
  currency: CurrencyCode,
  charges: readonly PostedCharge[],
  payments: readonly ChargePayment[],
): ChargesOwed {
  const paidById = new Map<string, number>();
  const ids = new Set<string>();
  for (const charge of charges) {
    if (charge.currency !== currency) throw new CurrencyMismatchError(currency, charge.currency);
    assertMinorUnits(charge.amount, `Charge ${charge.id} amount`);
    if (ids.has(charge.id)) throw new RangeError(`Duplicate charge id ${charge.id}`);
    ids.add(charge.id);
  }
  for (const payment of payments) {
    assertMinorUnits(payment.amount, `Payment to charge ${payment.chargeId}`);
    if (!ids.has(payment.chargeId))
      throw new RangeError(`Payment applied to unknown charge ${payment.chargeId}`);
    paidById.set(payment.chargeId, (paidById.get(payment.chargeId) ?? 0) + payment.amount);
  }
  const zero = (): { amount: number; paid: number; waived: number; owed: number } => ({
    amount: 0,
    paid: 0,
    waived: 0,
    owed: 0,
  });
  const totals = zero();
  const byKind = { interest: zero(), compensation: zero(), fee: zero() };
  const balances = charges.map((charge): ChargeBalance => {
    const paid = paidById.get(charge.id) ?? 0;
    if (paid > charge.amount)
      throw new RangeError(`Charge ${charge.id} is paid ${paid}, more than its ${charge.amount}`);
    const waived = charge.waived ? charge.amount - paid : 0;
    const owed = charge.amount - paid - waived;
    for (const sums of [totals, byKind[charge.kind]]) {
      sums.amount += charge.amount;
      sums.paid += paid;
      sums.waived += waived;
      sums.owed += owed;
    }
    return {
      id: charge.id,
      kind: charge.kind,
      postedOn: charge.postedOn,
      amount: charge.amount,
      paid,
      waived,
      owed,
    };
  });
  return { currency, charges: balances, totals, byKind };
}

/**
 * Default order in which money meant for charges pays them: costs (fees, compensation) before
 * interest, as § 367 (1) BGB orders costs → interest → principal; oldest first within a kind.
 */
export const DEFAULT_CHARGE_ORDER: readonly ChargeKind[] = ['fee', 'compensation', 'interest'];

/**
 * Applies `amount` to the open charges in `order`; what is left (`remainder`) goes to the
 * principal or stays unapplied, as the caller decides.
 */
export function allocateToCharges(
  owed: ChargesOwed,
  amount: number,
  order: readonly ChargeKind[] = DEFAULT_CHARGE_ORDER,
): { allocations: ChargePayment[]; remainder: number } {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`Amount must be a non-negative integer: ${amount}`);
  const rank = (kind: ChargeKind) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  const open = owed.charges
    .filter((charge) => charge.owed > 0)
    .sort(
      (a, b) =>
        rank(a.kind) - rank(b.kind) || a.postedOn.localeCompare(b.postedOn) || a.id.localeCompare(b.id),
    );
  let remainder = amount;
  const allocations: ChargePayment[] = [];
  for (const charge of open) {
    if (remainder === 0) break;
    const applied = Math.min(remainder, charge.owed);
    allocations.push({ chargeId: charge.id, amount: applied });
    remainder -= applied;
  }
  return { allocations, remainder };
}

/** A charge to post; the caller gives it an id and stores it. */
export interface ChargeDraft {
  readonly kind: 'interest' | 'compensation';
  readonly currency: CurrencyCode;
  readonly amount: number;
  readonly postedOn: CalendarDate;
  readonly throughDate: CalendarDate;
}

export interface ChargesToPost {
  readonly drafts: readonly ChargeDraft[];
  /**
   * Already posted beyond what is now due (e.g. a back-dated payment lowered the accrual): not
   * reversed automatically; a person decides whether to waive it.
   */
  readonly overPosted: { readonly interest: number; readonly compensation: number };
}

/**
 * The interest and compensation charges still to post for one debt, given what was already posted
 * for it (waived charges count as posted, so a waiver is never undone by re-posting). Posting the
 * drafts and calling again with the same result yields no drafts.
 */
export function chargesToPost(
  accrued: LateInterest,
  posted: readonly PostedCharge[],
  postedOn: CalendarDate,
): ChargesToPost {
  const postedOf = (kind: ChargeKind) =>
    posted.reduce((total, charge) => {
      if (charge.kind !== kind) return total;
      if (charge.currency !== accrued.currency)
        throw new CurrencyMismatchError(accrued.currency, charge.currency);
      return total + charge.amount;
    }, 0);
  const interestDelta = accrued.interest - postedOf('interest');
  const compensationDelta = accrued.compensation - postedOf('compensation');
  const drafts: ChargeDraft[] = [];
  const draft = (kind: ChargeDraft['kind'], amount: number): ChargeDraft => ({
    kind,
    currency: accrued.currency,
    amount,
    postedOn,
    throughDate: accrued.asOf,
  });
  if (compensationDelta > 0) drafts.push(draft('compensation', compensationDelta));
  if (interestDelta > 0) drafts.push(draft('interest', interestDelta));
  return {
    drafts,
    overPosted: { interest: Math.max(0, -interestDelta), compensation: Math.max(0, -compensationDelta) },
  };
}

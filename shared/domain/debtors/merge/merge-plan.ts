/**
 * What a merge moves: every record of the duplicate's book — invoices, payments, credit notes and
 * write-offs, disputes, promises, plans, charges — and its activities, each keeping its id (so old
 * ids still resolve) and its version, with the survivor as its debtor. Balances are conserved per
 * currency: an invoice carries what was paid, credited and written off on it, and unapplied credit
 * is added to the survivor's per currency.
 */
import type { Activity } from '../../activities/activity';
import type { Adjustment } from '../../adjustments/adjustment';
import type { Dispute } from '../../disputes/dispute';
import type { InterestCharge } from '../../interest/interest-charge';
import { outstanding, type Invoice } from '../../invoices/invoice';
import type { DebtorLedger } from '../../ledger/debtor-ledger';
import type { CurrencyCode } from '../../money/currencies';
import type { Payment } from '../../payments/payment';
import type { PaymentPlan } from '../../plans/payment-plan';
import type { PromiseToPay } from '../../promises/promise-to-pay';
import type { CurrencyBalance, MovedKind, MovedRecord } from './debtor-merge';

export interface MergeableBook {
  ledger: DebtorLedger;
  invoices: Invoice[];
  payments: Payment[];
  adjustments: Adjustment[];
  promises: PromiseToPay[];
  disputes: Dispute[];
  plans: PaymentPlan[];
  charges: InterestCharge[];
  activities: Activity[];
}

type BookList = Exclude<keyof MergeableBook, 'ledger'>;

/** Money first (invoices before what refers to them), the contact log last. */
const MOVE_ORDER: readonly [BookList, MovedKind][] = [
  ['invoices', 'invoice'],
  ['disputes', 'dispute'],
  ['plans', 'plan'],
  ['promises', 'promise'],
  ['adjustments', 'adjustment'],
  ['charges', 'charge'],
  ['payments', 'payment'],
  ['activities', 'activity'],
];

export interface MergePlan {
  records: MovedRecord[];
  movedCredit: Partial<Record<CurrencyCode, number>>;
  balancesBefore: { survivor: CurrencyBalance[]; duplicate: CurrencyBalance[] };
}

export function planMerge(survivor: MergeableBook, duplicate: MergeableBook): MergePlan {
  return {
    records: recordsOf(duplicate),
    movedCredit: positiveCredit(duplicate.ledger.credit),
    balancesBefore: {
      survivor: outstandingByCurrency(survivor.invoices),
      duplicate: outstandingByCurrency(duplicate.invoices),
    },
  };
}

/** Every record of a book, in the order they move. */
export function recordsOf(book: MergeableBook): MovedRecord[] {
  const records: MovedRecord[] = [];
  for (const [list, kind] of MOVE_ORDER) {
    for (const record of book[list] as ({ id: string; version?: number } & { at?: string })[]) {
      records.push({
        kind,
        id: record.id,
        ...(kind === 'activity' ? { at: record.at } : { version: record.version }),
      });
    }
  }
  return records;
}

/** A record as it lives after the move: the same record, the survivor's. */
export function movedTo<T extends { debtorId: string }>(record: T, debtorId: string): T {
  return { ...record, debtorId };
}

/** The survivor's book once every planned record has moved: what the store writes, in one view. */
export function mergedBook(
  survivor: MergeableBook,
  duplicate: MergeableBook,
  plan: MergePlan,
): MergeableBook {
  const survivorId = survivor.ledger.debtorId;
  const planned = new Set(plan.records.map((record) => `${record.kind}#${record.id}`));
  const moved = <T extends { id: string; debtorId: string }>(records: T[], kind: MovedKind) =>
    records
      .filter((record) => planned.has(`${kind}#${record.id}`))
      .map((record) => movedTo(record, survivorId));
  return {
    ledger: { ...survivor.ledger, credit: addCredit(survivor.ledger.credit, plan.movedCredit) },
    invoices: [...survivor.invoices, ...moved(duplicate.invoices, 'invoice')],
    payments: [...survivor.payments, ...moved(duplicate.payments, 'payment')],
    adjustments: [...survivor.adjustments, ...moved(duplicate.adjustments, 'adjustment')],
    promises: [...survivor.promises, ...moved(duplicate.promises, 'promise')],
    disputes: [...survivor.disputes, ...moved(duplicate.disputes, 'dispute')],
    plans: [...survivor.plans, ...moved(duplicate.plans, 'plan')],
    charges: [...survivor.charges, ...moved(duplicate.charges, 'charge')],
    activities: [...survivor.activities, ...moved(duplicate.activities, 'activity')],
  };
}

/** Outstanding per currency, currencies in order; never summed across currencies. */
export function outstandingByCurrency(invoices: readonly Invoice[]): CurrencyBalance[] {
  const totals = new Map<CurrencyCode, number>();
  for (const invoice of invoices) {
    totals.set(invoice.currency, (totals.get(invoice.currency) ?? 0) + outstanding(invoice));
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ currency, outstanding: amount }));
}

export function addCredit(
  credit: Partial<Record<CurrencyCode, number>>,
  added: Partial<Record<CurrencyCode, number>>,
): Partial<Record<CurrencyCode, number>> {
  const sum = { ...credit };
  for (const [currency, amount] of Object.entries(added) as [CurrencyCode, number][]) {
    sum[currency] = (sum[currency] ?? 0) + amount;
  }
  return positiveCredit(sum);
}

/** Takes back credit that came with a merge; undefined when the survivor no longer holds it. */
export function subtractCredit(
  credit: Partial<Record<CurrencyCode, number>>,
  taken: Partial<Record<CurrencyCode, number>>,
): Partial<Record<CurrencyCode, number>> | undefined {
  const rest = { ...credit };
  for (const [currency, amount] of Object.entries(taken) as [CurrencyCode, number][]) {
    const left = (rest[currency] ?? 0) - amount;
    if (left < 0) return undefined;
    rest[currency] = left;
  }
  return positiveCredit(rest);
}

function positiveCredit(
  credit: Partial<Record<CurrencyCode, number>>,
): Partial<Record<CurrencyCode, number>> {
  return Object.fromEntries(Object.entries(credit).filter(([, amount]) => (amount ?? 0) > 0)) as Partial<
    Record<CurrencyCode, number>
  >;
}

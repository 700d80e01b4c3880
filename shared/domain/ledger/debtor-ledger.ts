/**
 * The per-debtor ledger head: one small record whose version every money movement of the debtor
 * advances. Writing it in each payment, reversal, credit note and write-off transaction
 * serialises a debtor's money movements, so two concurrent payments can never both spend the
 * same outstanding amount. It also holds the unapplied credit per currency.
 */
import type { CurrencyCode } from '../money/currencies';

export interface DebtorLedger {
  tenantId: string;
  debtorId: string;
  /** Unapplied credit per currency, in minor units. */
  credit: Partial<Record<CurrencyCode, number>>;
  version: number;
  updatedAt?: string;
}

export function emptyLedger(tenantId: string, debtorId: string): DebtorLedger {
  return { tenantId, debtorId, credit: {}, version: 0 };
}

export function adjustCredit(
  ledger: DebtorLedger,
  currency: CurrencyCode,
  delta: number,
  now: Date,
): DebtorLedger {
  const next = (ledger.credit[currency] ?? 0) + delta;
  if (next < 0) throw new RangeError(`Credit in ${currency} cannot go below zero`);
  const credit = { ...ledger.credit, [currency]: next };
  if (next === 0) delete credit[currency];
  return { ...ledger, credit, version: ledger.version + 1, updatedAt: now.toISOString() };
}

export function touch(ledger: DebtorLedger, now: Date): DebtorLedger {
  return { ...ledger, version: ledger.version + 1, updatedAt: now.toISOString() };
}

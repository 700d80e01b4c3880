/**
 * Adjustments reduce what an invoice is owed without money changing hands: a credit note (the
 * creditor concedes an amount) or a write-off (the debt is recognised as bad). Both are
 * recorded as their own dated records so reports and metrics can see them.
 */
import type { Actor } from '../actor';
import { RuleViolationError } from '../errors';
import { outstanding, type Invoice } from '../invoices/invoice';
import type { CurrencyCode } from '../money/currencies';

export type AdjustmentKind = 'credit_note' | 'write_off';

export interface Adjustment {
  id: string;
  tenantId: string;
  debtorId: string;
  invoiceId: string;
  kind: AdjustmentKind;
  currency: CurrencyCode;
  amount: number;
  reason: string;
  /** Who asked for it, and who approved it when four-eyes applied. */
  requestedBy: string;
  approvedBy?: string;
  /** Set when the adjustment resolves an upheld dispute. */
  disputeId?: string;
  createdAt: string;
}

export function adjust(invoice: Invoice, kind: AdjustmentKind, amount: number, now: Date): Invoice {
  const owed = outstanding(invoice);
  if (amount <= 0) throw new RuleViolationError('The amount must be positive');
  if (amount > owed)
    throw new RuleViolationError(`The amount exceeds the ${owed} outstanding on invoice ${invoice.number}`);
  const field = kind === 'credit_note' ? 'credited' : 'writtenOff';
  return {
    ...invoice,
    [field]: invoice[field] + amount,
    version: invoice.version + 1,
    updatedAt: now.toISOString(),
  };
}

export function newAdjustment(
  id: string,
  invoice: Invoice,
  kind: AdjustmentKind,
  amount: number,
  reason: string,
  requestedBy: Actor | string,
  now: Date,
  extra: { approvedBy?: string; disputeId?: string } = {},
): Adjustment {
  return {
    id,
    tenantId: invoice.tenantId,
    debtorId: invoice.debtorId,
    invoiceId: invoice.id,
    kind,
    currency: invoice.currency,
    amount,
    reason,
    requestedBy: typeof requestedBy === 'string' ? requestedBy : requestedBy.sub,
    ...extra,
    createdAt: now.toISOString(),
  };
}

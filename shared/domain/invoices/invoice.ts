/** An invoice and its receivable: what was billed, what is still owed, and its state. */
import type { Actor } from '../actor';
import type { CurrencyCode } from '../money/currencies';
import type { CalendarDate } from '../time/calendar-date';

export type InvoiceStatus = 'open' | 'paid' | 'disputed' | 'written_off';

export interface Invoice {
  id: string;
  tenantId: string;
  debtorId: string;
  /** The creditor's invoice number, unique within the tenant. */
  number: string;
  currency: CurrencyCode;
  /** Billed amount in minor units. */
  amount: number;
  /** Sums applied against the invoice, in minor units of its currency. */
  paid: number;
  credited: number;
  writtenOff: number;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  description?: string;
  externalRef?: string;
  /** Id of the dispute currently open on the invoice, if any. */
  openDisputeId?: string;
  /** Id of the active payment plan covering the invoice: it leaves normal dunning meanwhile. */
  planId?: string;
  /** The bulk import that wrote it in bulk (its day aggregates added with the import's). */
  importId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export type InvoiceDraft = Pick<
  Invoice,
  'debtorId' | 'number' | 'currency' | 'amount' | 'issueDate' | 'dueDate' | 'description' | 'externalRef'
>;

/** Not the billed amount: it changes only through credit notes and write-offs (four-eyes, audited). */
type ChangeableInvoiceFields = Pick<Invoice, 'issueDate' | 'dueDate' | 'description' | 'externalRef'>;
/** A partial change; `null` clears an optional field. */
export type InvoiceChanges = { [K in keyof ChangeableInvoiceFields]?: ChangeableInvoiceFields[K] | null };

/** Outstanding = amount − payments − credit notes − write-offs, never below zero. */
export function outstanding(invoice: Pick<Invoice, 'amount' | 'paid' | 'credited' | 'writtenOff'>): number {
  return Math.max(0, invoice.amount - invoice.paid - invoice.credited - invoice.writtenOff);
}

export function invoiceStatus(invoice: Invoice): InvoiceStatus {
  if (outstanding(invoice) === 0) return invoice.writtenOff > 0 ? 'written_off' : 'paid';
  if (invoice.openDisputeId) return 'disputed';
  return 'open';
}

export function newInvoice(
  id: string,
  tenantId: string,
  draft: InvoiceDraft,
  actor: Actor,
  now: Date,
): Invoice {
  const at = now.toISOString();
  return {
    ...Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined)),
    debtorId: draft.debtorId,
    number: draft.number.trim(),
    currency: draft.currency,
    amount: draft.amount,
    issueDate: draft.issueDate,
    dueDate: draft.dueDate,
    id,
    tenantId,
    paid: 0,
    credited: 0,
    writtenOff: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: actor.sub,
  };
}

/** Problems with an invoice's own figures, as field → reason. */
export function invoiceProblems(invoice: Invoice): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (invoice.dueDate < invoice.issueDate)
    problems.push({ path: 'dueDate', message: 'must not be before issueDate' });
  const applied = invoice.paid + invoice.credited + invoice.writtenOff;
  if (invoice.amount < applied) {
    problems.push({
      path: 'amount',
      message: `must not be below the ${applied} minor units already applied`,
    });
  }
  return problems;
}

export function changeInvoice(invoice: Invoice, changes: InvoiceChanges, now: Date): Invoice {
  const next: Invoice = { ...invoice };
  for (const [key, value] of Object.entries(changes) as [keyof InvoiceChanges, unknown][]) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else (next as unknown as Record<string, unknown>)[key] = value;
  }
  return { ...next, version: invoice.version + 1, updatedAt: now.toISOString() };
}

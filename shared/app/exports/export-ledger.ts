/**
 * A debtor's ledger as CSV: every invoice, payment (and its reversal), credit note, write-off,
 * charge (and its waiver) in date order, per currency, with the running balance — what the debtor
 * owes in that currency after each line, unapplied credit counted against it. Read from the
 * debtor's book in one consistent query, the same book the JSON views are made from.
 */
import type { Debtor } from '../../domain/debtors/debtor';
import { csvDocument, type CsvCell } from '../../domain/exports/csv';
import { moneyColumns } from '../../domain/exports/money-columns';
import { localDate } from '../../domain/time/calendar-date';
import type { DebtorBook } from '../../ports/ledger-store';
import type { Services } from '../../runtime/services';
import { findVisibleDebtor } from '../debtors/find-debtor';
import type { UseCaseContext } from '../context';
import type { CsvExport } from './csv-export';

type EntryType =
  'invoice' | 'charge' | 'payment' | 'payment_reversal' | 'credit_note' | 'write_off' | 'charge_waiver';

interface LedgerLine {
  date: string;
  /** The instant behind the date, to order lines of one day. */
  at: string;
  type: EntryType;
  documentId: string;
  invoiceId?: string;
  reference?: string;
  currency: string;
  /** Positive: the debtor owes more; negative: less. */
  amount: number;
}

const HEADER = [
  'date',
  'type',
  'document_id',
  'invoice_id',
  'reference',
  'currency',
  'debit',
  'debit_minor',
  'credit',
  'credit_minor',
  'balance',
  'balance_minor',
];

export function ledgerLines(book: DebtorBook, timeZone: string): LedgerLine[] {
  const day = (instant: string) => localDate(new Date(instant), timeZone);
  const lines: LedgerLine[] = [];
  for (const invoice of book.invoices) {
    lines.push({
      date: invoice.issueDate,
      at: invoice.createdAt,
      type: 'invoice',
      documentId: invoice.id,
      invoiceId: invoice.id,
      reference: invoice.number,
      currency: invoice.currency,
      amount: invoice.amount,
    });
  }
  const paidOnCharge = new Map<string, number>();
  for (const payment of book.payments) {
    lines.push({
      date: day(payment.receivedAt),
      at: payment.receivedAt,
      type: 'payment',
      documentId: payment.id,
      reference: payment.reference,
      currency: payment.currency,
      amount: -payment.amount,
    });
    if (payment.status === 'reversed' && payment.reversedAt) {
      lines.push({
        date: day(payment.reversedAt),
        at: payment.reversedAt,
        type: 'payment_reversal',
        documentId: payment.id,
        reference: payment.reference,
        currency: payment.currency,
        amount: payment.amount,
      });
    } else {
      for (const allocation of payment.chargeAllocations ?? []) {
        paidOnCharge.set(
          allocation.chargeId,
          (paidOnCharge.get(allocation.chargeId) ?? 0) + allocation.amount,
        );
      }
    }
  }
  for (const adjustment of book.adjustments) {
    lines.push({
      date: day(adjustment.createdAt),
      at: adjustment.createdAt,
      type: adjustment.kind === 'credit_note' ? 'credit_note' : 'write_off',
      documentId: adjustment.id,
      invoiceId: adjustment.invoiceId,
      currency: adjustment.currency,
      amount: -adjustment.amount,
    });
  }
  for (const charge of book.charges) {
    lines.push({
      date: charge.postedOn,
      at: charge.createdAt,
      type: 'charge',
      documentId: charge.id,
      invoiceId: charge.invoiceId,
      reference: charge.kind,
      currency: charge.currency,
      amount: charge.amount,
    });
    const forgiven = charge.amount - (paidOnCharge.get(charge.id) ?? 0);
    if (charge.waived && charge.waivedAt && forgiven > 0) {
      lines.push({
        date: day(charge.waivedAt),
        at: charge.waivedAt,
        type: 'charge_waiver',
        documentId: charge.id,
        invoiceId: charge.invoiceId,
        reference: charge.kind,
        currency: charge.currency,
        amount: -forgiven,
      });
    }
  }
  return lines.sort(
    (a, b) =>
      a.currency.localeCompare(b.currency) ||
      a.date.localeCompare(b.date) ||
      a.at.localeCompare(b.at) ||
      a.documentId.localeCompare(b.documentId),
  );
}

export function ledgerCsv(book: DebtorBook, debtor: Pick<Debtor, 'timezone'>): string {
  const balances = new Map<string, number>();
  const rows: CsvCell[][] = ledgerLines(book, debtor.timezone).map((line) => {
    const balance = (balances.get(line.currency) ?? 0) + line.amount;
    balances.set(line.currency, balance);
    const [debit, debitMinor] = line.amount > 0 ? moneyColumns(line.amount, line.currency) : [null, null];
    const [credit, creditMinor] = line.amount < 0 ? moneyColumns(-line.amount, line.currency) : [null, null];
    return [
      line.date,
      line.type,
      line.documentId,
      line.invoiceId,
      line.reference,
      line.currency,
      debit,
      debitMinor,
      credit,
      creditMinor,
      ...moneyColumns(balance, line.currency),
    ];
  });
  return csvDocument(HEADER, rows);
}

export async function exportLedger(
  services: Pick<Services, 'debtors' | 'ledger'>,
  context: UseCaseContext,
  debtorId: string,
): Promise<CsvExport> {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const book = await services.ledger.book(context.actor.tenantId, debtor.id);
  return { filename: `ledger-${debtor.id}.csv`, csv: ledgerCsv(book, debtor) };
}

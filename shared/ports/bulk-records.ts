import type { Debtor } from '../domain/debtors/debtor';
import type { Invoice } from '../domain/invoices/invoice';
import type { DebtorLedger } from '../domain/ledger/debtor-ledger';
import type { ReceivableDay } from '../domain/metrics/receivable-day';

/**
 * Reads and writes records in bulk, for imports: lookups by the creditor's own references, and
 * batched writes of new debtors and invoices with the same items (pointers, unique markers,
 * indexes) the single-record paths write.
 */
export interface BulkRecords {
  debtorsByExternalRef(tenantId: string, externalRefs: readonly string[]): Promise<Map<string, Debtor>>;
  debtorsById(tenantId: string, ids: readonly string[]): Promise<Map<string, Debtor>>;
  invoicesByNumber(tenantId: string, numbers: readonly string[]): Promise<Map<string, Invoice>>;
  ledgerHeads(tenantId: string, debtorIds: readonly string[]): Promise<Map<string, DebtorLedger>>;
  /** Of these records, the ids of those stored already (after a crash part of a batch may be). */
  storedDebtorIds(debtors: readonly Debtor[]): Promise<Set<string>>;
  storedInvoiceIds(invoices: readonly Invoice[]): Promise<Set<string>>;
  /**
   * The records first, their lookups and unique markers last: a marker always points at a stored
   * record. Records whose id is in `stored` are not written again, but their lookups and markers
   * are (a run that died may have written the one and not the others).
   */
  writeDebtors(debtors: readonly Debtor[], stored?: ReadonlySet<string>): Promise<void>;
  writeInvoices(invoices: readonly Invoice[], stored?: ReadonlySet<string>): Promise<void>;
  /**
   * Adds an import's receivable day deltas once per batch, however often it is called: each part
   * of the write carries a marker that refuses it a second time.
   */
  addReceivables(
    tenantId: string,
    importId: string,
    batch: number,
    days: readonly ReceivableDay[],
  ): Promise<void>;
}

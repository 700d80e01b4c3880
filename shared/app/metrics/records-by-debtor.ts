import type { TenantLedgerRecords } from '../../ports/ledger-facts-reader';

/**
 * A tenant's money records split by debtor in one pass, for the jobs that look at each debtor's
 * own book (worklist risk, plan evaluation, forecast) without scanning the tenant's records again
 * per debtor.
 */
export function recordsByDebtor(records: TenantLedgerRecords): Map<string, TenantLedgerRecords> {
  const byDebtor = new Map<string, TenantLedgerRecords>();
  const bookOf = (debtorId: string) => {
    let book = byDebtor.get(debtorId);
    if (!book) {
      book = { invoices: [], payments: [], adjustments: [], promises: [], disputes: [], plans: [] };
      byDebtor.set(debtorId, book);
    }
    return book;
  };
  for (const invoice of records.invoices) bookOf(invoice.debtorId).invoices.push(invoice);
  for (const payment of records.payments) bookOf(payment.debtorId).payments.push(payment);
  for (const adjustment of records.adjustments) bookOf(adjustment.debtorId).adjustments.push(adjustment);
  for (const promise of records.promises) bookOf(promise.debtorId).promises.push(promise);
  for (const dispute of records.disputes) bookOf(dispute.debtorId).disputes.push(dispute);
  for (const plan of records.plans) bookOf(plan.debtorId).plans.push(plan);
  return byDebtor;
}

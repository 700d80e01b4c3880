import type { Invoice } from '../domain/invoices/invoice';
import type { Page, PageRequest } from './page';
import type { WriteContext } from './write-context';

export interface InvoiceStore {
  get(tenantId: string, id: string): Promise<Invoice | undefined>;
  /** A debtor's invoices ordered by due date (strongly consistent). */
  listByDebtor(tenantId: string, debtorId: string, page: PageRequest): Promise<Page<Invoice>>;
  /** Every invoice of a debtor, for balances (strongly consistent). */
  allOfDebtor(tenantId: string, debtorId: string): Promise<Invoice[]>;
  /** Fails with NotFoundError when the debtor is missing, ConflictError when the number is taken. */
  create(invoice: Invoice, context: WriteContext): Promise<void>;
  update(before: Invoice, after: Invoice, context: WriteContext): Promise<void>;
}

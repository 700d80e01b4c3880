import type { Invoice } from '../domain/invoices/invoice';
import type { Page, PageRequest } from './page';
import type { WriteContext } from './write-context';

export interface InvoiceStore {
  get(tenantId: string, id: string): Promise<Invoice | undefined>;
  /** A debtor's invoices ordered by due date (strongly consistent). */
  listByDebtor(tenantId: string, debtorId: string, page: PageRequest): Promise<Page<Invoice>>;
  /** The tenant's invoices in one currency falling due in [from, to] (any status). */
  dueBetween(tenantId: string, currency: string, from: string, to: string): Promise<Invoice[]>;
  update(before: Invoice, after: Invoice, context: WriteContext): Promise<void>;
}

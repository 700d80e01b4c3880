import { canSeeDebtor, type Actor } from '../../domain/actor';
import { NotFoundError } from '../../domain/errors';
import type { Invoice } from '../../domain/invoices/invoice';
import type { InvoiceStore } from '../../ports/invoice-store';

export async function findVisibleInvoice(invoices: InvoiceStore, actor: Actor, id: string): Promise<Invoice> {
  const invoice = await invoices.get(actor.tenantId, id);
  if (!invoice || !canSeeDebtor(actor, invoice.debtorId)) throw new NotFoundError('Invoice');
  return invoice;
}

import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { invoiceView } from '../views/invoice-view';
import { findVisibleInvoice } from './find-invoice';

export async function getInvoice(services: Pick<Services, 'invoices'>, context: UseCaseContext, id: string) {
  const invoice = await findVisibleInvoice(services.invoices, context.actor, id);
  return { invoice, view: invoiceView(invoice) };
}

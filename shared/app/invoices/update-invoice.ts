import { auditor } from '../audit/auditor';
import { ConflictError, ValidationError } from '../../domain/errors';
import { changeInvoice, invoiceProblems, type InvoiceChanges } from '../../domain/invoices/invoice';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { invoiceView } from '../views/invoice-view';
import { findVisibleInvoice } from './find-invoice';

export async function updateInvoice(
  services: Pick<Services, 'clock' | 'ids' | 'invoices'>,
  context: UseCaseContext,
  id: string,
  changes: InvoiceChanges,
) {
  const before = await findVisibleInvoice(services.invoices, context.actor, id);
  if (context.expectedVersion !== undefined && context.expectedVersion !== before.version) {
    throw new ConflictError(`Invoice is at version ${before.version}, not ${context.expectedVersion}`);
  }
  const now = services.clock.now();
  const after = changeInvoice(before, changes, now);
  const problems = invoiceProblems(after);
  if (problems.length > 0) throw new ValidationError(problems);
  await services.invoices.update(before, after, {
    audit: [auditor(services.ids, context.actor, now)('invoice', id, 'invoice.updated', before, after)],
  });
  return { invoice: after, view: invoiceView(after) };
}

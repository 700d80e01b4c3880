import { auditor } from '../audit/auditor';
import { ConflictError, ValidationError } from '../../domain/errors';
import { changeInvoice, invoiceProblems, type InvoiceChanges } from '../../domain/invoices/invoice';
import { touch } from '../../domain/ledger/debtor-ledger';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { invoiceView } from '../views/invoice-view';
import { findVisibleInvoice } from './find-invoice';

export async function updateInvoice(
  services: Pick<Services, 'clock' | 'ids' | 'invoices' | 'ledger'>,
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
  const audit = [auditor(services.ids, context.actor, now)('invoice', id, 'invoice.updated', before, after)];
  if (before.issueDate === after.issueDate && before.dueDate === after.dueDate) {
    await services.invoices.update(before, after, { audit });
  } else {
    // New dates move the invoice and every movement on it between days of the receivables: a
    // ledger change, serialised with the debtor's payments.
    const book = await services.ledger.book(before.tenantId, before.debtorId);
    await services.ledger.commit(
      {
        ledger: { before: book.ledger, after: touch(book.ledger, now) },
        changedInvoices: [{ before, after }],
        redatedInvoices: [{ before, after, payments: book.payments, adjustments: book.adjustments }],
      },
      { audit },
    );
  }
  return { invoice: after, view: invoiceView(after) };
}

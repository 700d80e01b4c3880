import { auditEntry } from '../../domain/audit/audit-entry';
import { ValidationError } from '../../domain/errors';
import { invoiceProblems, newInvoice, type InvoiceDraft } from '../../domain/invoices/invoice';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { invoiceView } from '../views/invoice-view';

export async function createInvoice(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'invoices'>,
  context: UseCaseContext,
  draft: InvoiceDraft,
) {
  // Reading the debtor first gives a clean 404; the transaction re-checks it exists.
  await findVisibleDebtor(services.debtors, context.actor, draft.debtorId);
  const now = services.clock.now();
  const invoice = newInvoice(services.ids.next('inv'), context.actor.tenantId, draft, context.actor, now);
  const problems = invoiceProblems(invoice);
  if (problems.length > 0) throw new ValidationError(problems);
  const view = invoiceView(invoice);
  await services.invoices.create(invoice, {
    audit: [
      auditEntry(services.ids.next('aud'), context.actor, now, {
        entityType: 'invoice',
        entityId: invoice.id,
        action: 'invoice.created',
        before: null,
        after: invoice,
      }),
    ],
    idempotency: context.idempotency && { ...context.idempotency, body: view },
  });
  return { invoice, view };
}

import { auditor } from '../audit/auditor';
import { openDispute as newDispute } from '../../domain/disputes/dispute';
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import { outstanding, type Invoice } from '../../domain/invoices/invoice';
import { touch } from '../../domain/ledger/debtor-ledger';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleInvoice } from '../invoices/find-invoice';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { disputeView } from '../views/ledger-views';

/** Opens a dispute on an invoice: its collection pauses and payments skip it unless named. */
export async function openDispute(
  services: Pick<Services, 'clock' | 'ids' | 'invoices' | 'ledger'>,
  context: UseCaseContext,
  invoiceId: string,
  reason: string,
) {
  const visible = await findVisibleInvoice(services.invoices, context.actor, invoiceId);
  const disputeId = services.ids.next('dsp');
  return retryOnConcurrentChange(visible, async () => {
    const now = services.clock.now();
    const { ledger, invoices } = await services.ledger.snapshot(visible.tenantId, visible.debtorId);
    const before = invoices.find((invoice) => invoice.id === invoiceId);
    if (!before) throw new NotFoundError('Invoice');
    if (before.openDisputeId)
      throw new RuleViolationError(`Invoice ${before.number} already has an open dispute`);
    if (outstanding(before) === 0)
      throw new RuleViolationError(`Invoice ${before.number} has nothing outstanding`);
    const target = { tenantId: before.tenantId, debtorId: before.debtorId, invoiceId: before.id };
    const dispute = newDispute(disputeId, target, reason, context.actor, now);
    const after: Invoice = {
      ...before,
      openDisputeId: dispute.id,
      version: before.version + 1,
      updatedAt: now.toISOString(),
    };
    const view = disputeView(dispute);
    const audit = auditor(services.ids, context.actor, now);
    await services.ledger.commit(
      {
        ledger: { before: ledger, after: touch(ledger, now) },
        changedInvoices: [{ before, after }],
        createdDisputes: [dispute],
      },
      {
        audit: [
          audit('dispute', dispute.id, 'dispute.opened', null, dispute),
          audit('invoice', before.id, 'invoice.disputed', before, after),
        ],
        idempotency: context.idempotency && { ...context.idempotency, body: view },
      },
    );
    return { dispute, view };
  });
}

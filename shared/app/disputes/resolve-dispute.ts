import { auditor } from '../audit/auditor';
import { canSeeDebtor } from '../../domain/actor';
import { resolveDispute as resolve, type Dispute } from '../../domain/disputes/dispute';
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import { outstanding, type Invoice } from '../../domain/invoices/invoice';
import { touch } from '../../domain/ledger/debtor-ledger';
import { needsApproval } from '../../domain/settings/tenant-settings';
import type { Services } from '../../runtime/services';
import { applyAdjustment } from '../adjustments/apply-adjustment';
import { requestApproval } from '../adjustments/request-adjustment';
import type { UseCaseContext } from '../context';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { disputeView } from '../views/ledger-views';

export async function findVisibleDispute(
  services: Pick<Services, 'ledger'>,
  context: UseCaseContext,
  id: string,
): Promise<Dispute> {
  const dispute = await services.ledger.getDispute(context.actor.tenantId, id);
  if (!dispute || !canSeeDebtor(context.actor, dispute.debtorId)) throw new NotFoundError('Dispute');
  return dispute;
}

/**
 * Rejected: collection of the invoice resumes. Upheld: a credit note for the conceded amount
 * (by default all that is outstanding); above the four-eyes threshold it waits for approval and
 * the dispute stays open until then.
 */
export async function resolveDisputeCase(
  services: Pick<Services, 'clock' | 'ids' | 'ledger' | 'approvals' | 'settings'>,
  context: UseCaseContext,
  disputeId: string,
  decision: { outcome: 'upheld' | 'rejected'; creditAmount?: number; note?: string },
) {
  const dispute = await findVisibleDispute(services, context, disputeId);
  if (dispute.status !== 'open') throw new RuleViolationError(`The dispute is already ${dispute.status}`);

  if (decision.outcome === 'upheld') {
    const { invoices } = await services.ledger.snapshot(dispute.tenantId, dispute.debtorId);
    const invoice = invoices.find((candidate) => candidate.id === dispute.invoiceId) as Invoice;
    const owed = outstanding(invoice);
    const amount = decision.creditAmount ?? owed;
    if (amount > owed)
      throw new RuleViolationError(`The credit exceeds the ${owed} outstanding on invoice ${invoice.number}`);
    const settings = await services.settings.get(dispute.tenantId);
    if (needsApproval(settings, invoice.currency, amount)) {
      const reason = decision.note ?? `Dispute upheld: ${dispute.reason}`;
      return requestApproval(services, context, invoice, 'dispute_credit', amount, reason, {
        disputeId: dispute.id,
      });
    }
    let resolved: Dispute | undefined;
    await applyAdjustment(
      services,
      {
        actor: context.actor,
        invoiceId: invoice.id,
        debtorId: invoice.debtorId,
        kind: 'credit_note',
        amount,
        reason: decision.note ?? `Dispute upheld: ${dispute.reason}`,
        requestedBy: context.actor.sub,
        dispute: (_invoice, adjustment, now) => {
          resolved = resolve(dispute, 'upheld', context.actor.sub, now, {
            creditAmount: adjustment.amount,
            note: decision.note,
          });
          return { before: dispute, after: resolved };
        },
      },
      () =>
        context.idempotency &&
        resolved && { ...context.idempotency, statusCode: 200, body: disputeView(resolved) },
    );
    return { status: 'applied' as const, statusCode: 200, body: disputeView(resolved as Dispute) };
  }

  return retryOnConcurrentChange(dispute, async () => {
    const now = services.clock.now();
    const { ledger, invoices } = await services.ledger.snapshot(dispute.tenantId, dispute.debtorId);
    const before = invoices.find((invoice) => invoice.id === dispute.invoiceId) as Invoice;
    const { openDisputeId: _cleared, ...rest } = before;
    const after: Invoice = { ...rest, version: before.version + 1, updatedAt: now.toISOString() };
    const resolved = resolve(dispute, 'rejected', context.actor.sub, now, { note: decision.note });
    const audit = auditor(services.ids, context.actor, now);
    await services.ledger.commit(
      {
        ledger: { before: ledger, after: touch(ledger, now) },
        changedInvoices: [{ before, after }],
        changedDisputes: [{ before: dispute, after: resolved }],
      },
      {
        audit: [
          audit('dispute', dispute.id, 'dispute.rejected', dispute, resolved),
          audit('invoice', before.id, 'invoice.dispute_closed', before, after),
        ],
        idempotency: context.idempotency && {
          ...context.idempotency,
          statusCode: 200,
          body: disputeView(resolved),
        },
      },
    );
    return { status: 'applied' as const, statusCode: 200, body: disputeView(resolved) };
  });
}

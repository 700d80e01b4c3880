import { auditor } from '../audit/auditor';
import { decide } from '../../domain/approvals/approval';
import { resolveDispute } from '../../domain/disputes/dispute';
import { NotFoundError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import { applyAdjustment } from '../adjustments/apply-adjustment';
import type { UseCaseContext } from '../context';
import { approvalView } from '../views/ledger-views';
import { commitWaiver } from '../interest/interest-charges';
import type { Invoice } from '../../domain/invoices/invoice';

/**
 * A second person decides a four-eyes request. Approving applies the adjustment (and resolves the
 * dispute it came from) in the same transaction as the decision; nobody decides their own request.
 */
export async function decideApproval(
  services: Pick<Services, 'clock' | 'ids' | 'ledger' | 'approvals' | 'debtors' | 'invoices'>,
  context: UseCaseContext,
  approvalId: string,
  outcome: 'approved' | 'rejected',
  note?: string,
) {
  const approval = await services.approvals.get(context.actor.tenantId, approvalId);
  if (!approval) throw new NotFoundError('Approval');
  const now = services.clock.now();
  const decided = decide(approval, context.actor, outcome, now, note);
  if (outcome === 'rejected') {
    await services.approvals.update(approval, decided, {
      audit: [
        auditor(services.ids, context.actor, now)(
          'approval',
          approval.id,
          'approval.rejected',
          approval,
          decided,
        ),
      ],
      idempotency: context.idempotency && {
        ...context.idempotency,
        statusCode: 200,
        body: approvalView(decided),
      },
    });
    return { approval: decided, view: approvalView(decided) };
  }
  if (approval.kind === 'charge_waiver' && approval.chargeId) {
    const invoice = await findInvoice(services, approval.tenantId, approval.invoiceId);
    await commitWaiver(services, context.actor, invoice, approval.chargeId, approval.reason, {
      idempotency: () =>
        context.idempotency && { ...context.idempotency, statusCode: 200, body: approvalView(decided) },
      approval: { before: approval, after: decided },
    });
    return { approval: decided, view: approvalView(decided) };
  }
  const dispute = approval.disputeId
    ? await services.ledger.getDispute(approval.tenantId, approval.disputeId)
    : undefined;
  const result = await applyAdjustment(
    services,
    {
      actor: context.actor,
      invoiceId: approval.invoiceId,
      debtorId: approval.debtorId,
      kind: approval.kind === 'write_off' ? 'write_off' : 'credit_note',
      amount: approval.amount,
      reason: approval.reason,
      requestedBy: approval.requestedBy,
      approvedBy: context.actor.sub,
      ...(dispute
        ? {
            dispute: (_invoice, adjustment, at) => ({
              before: dispute,
              after: resolveDispute(dispute, 'upheld', approval.requestedBy, at, {
                creditAmount: adjustment.amount,
              }),
            }),
          }
        : {}),
      approval: (adjustment) => ({ before: approval, after: { ...decided, adjustmentId: adjustment.id } }),
    },
    (applied) =>
      context.idempotency && {
        ...context.idempotency,
        statusCode: 200,
        body: approvalView({ ...decided, adjustmentId: applied.adjustment.id }),
      },
  );
  const approved = result.approval ?? decided;
  return { approval: approved, view: approvalView(approved) };
}

async function findInvoice(
  services: Pick<Services, 'invoices'>,
  tenantId: string,
  invoiceId: string,
): Promise<Invoice> {
  const invoice = await services.invoices.get(tenantId, invoiceId);
  if (!invoice) throw new NotFoundError('Invoice');
  return invoice;
}

import { auditor } from '../audit/auditor';
import type { AdjustmentKind } from '../../domain/adjustments/adjustment';
import type { Approval, ApprovalKind } from '../../domain/approvals/approval';
import { RuleViolationError } from '../../domain/errors';
import { outstanding, type Invoice } from '../../domain/invoices/invoice';
import { needsApproval } from '../../domain/settings/tenant-settings';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleInvoice } from '../invoices/find-invoice';
import { adjustmentView, approvalView } from '../views/ledger-views';
import { invoiceView } from '../views/invoice-view';
import { applyAdjustment } from './apply-adjustment';

export interface AdjustmentInput {
  invoiceId: string;
  kind: AdjustmentKind;
  amount?: number;
  reason: string;
}

export type AdjustmentOutcome =
  | { status: 'applied'; statusCode: number; body: unknown }
  | { status: 'pending_approval'; statusCode: 202; body: unknown; approvalId: string };

/** Opens a four-eyes request for an amount above the tenant's threshold. */
export async function requestApproval(
  services: Pick<Services, 'clock' | 'ids' | 'approvals'>,
  context: UseCaseContext,
  invoice: Invoice,
  kind: ApprovalKind,
  amount: number,
  reason: string,
  subject: { disputeId?: string; chargeId?: string } = {},
): Promise<AdjustmentOutcome> {
  const now = services.clock.now();
  const approval: Approval = {
    id: services.ids.next('apr'),
    tenantId: invoice.tenantId,
    kind,
    status: 'pending',
    debtorId: invoice.debtorId,
    invoiceId: invoice.id,
    ...(subject.disputeId ? { disputeId: subject.disputeId } : {}),
    ...(subject.chargeId ? { chargeId: subject.chargeId } : {}),
    currency: invoice.currency,
    amount,
    reason,
    requestedBy: context.actor.sub,
    requestedAt: now.toISOString(),
    version: 1,
  };
  const body = approvalView(approval);
  await services.approvals.create(approval, {
    audit: [
      auditor(services.ids, context.actor, now)(
        'approval',
        approval.id,
        'approval.requested',
        null,
        approval,
      ),
    ],
    idempotency: context.idempotency && { ...context.idempotency, statusCode: 202, body },
  });
  return { status: 'pending_approval', statusCode: 202, body, approvalId: approval.id };
}

/**
 * A credit note or write-off: applied at once, or held for a second person's approval when the
 * amount is above the tenant's four-eyes threshold.
 */
export async function requestAdjustment(
  services: Pick<Services, 'clock' | 'ids' | 'invoices' | 'ledger' | 'approvals' | 'settings'>,
  context: UseCaseContext,
  input: AdjustmentInput,
): Promise<AdjustmentOutcome> {
  const invoice = await findVisibleInvoice(services.invoices, context.actor, input.invoiceId);
  const owed = outstanding(invoice);
  if (owed === 0) throw new RuleViolationError(`Invoice ${invoice.number} has nothing outstanding`);
  const amount = input.amount ?? owed;
  if (amount > owed)
    throw new RuleViolationError(`The amount exceeds the ${owed} outstanding on invoice ${invoice.number}`);
  const settings = await services.settings.get(context.actor.tenantId);
  if (needsApproval(settings, invoice.currency, amount)) {
    return requestApproval(services, context, invoice, input.kind, amount, input.reason);
  }
  const statusCode = input.kind === 'write_off' ? 200 : 201;
  const respond = (result: {
    invoice: Invoice;
    adjustment: import('../../domain/adjustments/adjustment').Adjustment;
  }) =>
    input.kind === 'write_off'
      ? invoiceView(result.invoice)
      : { ...adjustmentView(result.adjustment), invoice: invoiceView(result.invoice) };
  const result = await applyAdjustment(
    services,
    {
      actor: context.actor,
      invoiceId: invoice.id,
      debtorId: invoice.debtorId,
      kind: input.kind,
      amount,
      reason: input.reason,
      requestedBy: context.actor.sub,
    },
    (applied) => context.idempotency && { ...context.idempotency, statusCode, body: respond(applied) },
  );
  return { status: 'applied', statusCode, body: respond(result) };
}

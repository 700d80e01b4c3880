import { auditor } from '../audit/auditor';
/**
 * Applies a credit note or write-off to an invoice as one ledger movement, optionally resolving
 * an upheld dispute and deciding an approval in the same transaction.
 */
import {
  adjust,
  newAdjustment,
  type Adjustment,
  type AdjustmentKind,
} from '../../domain/adjustments/adjustment';
import type { Actor } from '../../domain/actor';
import type { Approval } from '../../domain/approvals/approval';
import type { Dispute } from '../../domain/disputes/dispute';
import { NotFoundError } from '../../domain/errors';
import type { Invoice } from '../../domain/invoices/invoice';
import { touch } from '../../domain/ledger/debtor-ledger';
import type { Change } from '../../ports/ledger-store';
import type { IdempotentCompletion } from '../../ports/write-context';
import type { Services } from '../../runtime/services';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';

export interface AdjustmentRequest {
  actor: Actor;
  invoiceId: string;
  debtorId: string;
  kind: AdjustmentKind;
  /** Omitted: the whole outstanding amount at the moment of applying. */
  amount?: number;
  reason: string;
  requestedBy: string;
  approvedBy?: string;
  dispute?: (invoice: Invoice, adjustment: Adjustment, now: Date) => Change<Dispute>;
  approval?: (adjustment: Adjustment, now: Date) => Change<Approval>;
}

export async function applyAdjustment(
  services: Pick<Services, 'clock' | 'ids' | 'ledger'>,
  request: AdjustmentRequest,
  idempotency?: (result: { invoice: Invoice; adjustment: Adjustment }) => IdempotentCompletion | undefined,
) {
  const adjustmentId = services.ids.next(request.kind === 'credit_note' ? 'crn' : 'wof');
  return retryOnConcurrentChange(
    { tenantId: request.actor.tenantId, debtorId: request.debtorId },
    async () => {
      const now = services.clock.now();
      const tenantId = request.actor.tenantId;
      const { ledger, invoices } = await services.ledger.snapshot(tenantId, request.debtorId);
      const before = invoices.find((invoice) => invoice.id === request.invoiceId);
      if (!before) throw new NotFoundError('Invoice');
      const amount = request.amount ?? before.amount - before.paid - before.credited - before.writtenOff;
      let after = adjust(before, request.kind, amount, now);
      const adjustment = newAdjustment(
        adjustmentId,
        before,
        request.kind,
        amount,
        request.reason,
        request.requestedBy,
        now,
        {
          ...(request.approvedBy ? { approvedBy: request.approvedBy } : {}),
        },
      );
      const dispute = request.dispute?.(after, adjustment, now);
      if (dispute) {
        adjustment.disputeId = dispute.after.id;
        const { openDisputeId: _cleared, ...rest } = after;
        after = rest;
      }
      const approval = request.approval?.(adjustment, now);
      const audit = auditor(services.ids, request.actor, now);
      await services.ledger.commit(
        {
          ledger: { before: ledger, after: touch(ledger, now) },
          changedInvoices: [{ before, after }],
          createdAdjustments: [adjustment],
          ...(dispute ? { changedDisputes: [dispute] } : {}),
          ...(approval ? { changedApprovals: [approval] } : {}),
        },
        {
          audit: [
            audit(
              request.kind === 'credit_note' ? 'credit_note' : 'write_off',
              adjustment.id,
              `${request.kind}.created`,
              null,
              adjustment,
            ),
            audit(
              'invoice',
              before.id,
              request.kind === 'credit_note' ? 'invoice.credited' : 'invoice.written_off',
              before,
              after,
            ),
            ...(dispute
              ? [audit('dispute', dispute.after.id, 'dispute.upheld', dispute.before, dispute.after)]
              : []),
            ...(approval
              ? [audit('approval', approval.after.id, 'approval.approved', approval.before, approval.after)]
              : []),
          ],
          idempotency: idempotency?.({ invoice: after, adjustment }),
        },
      );
      return { invoice: after, adjustment, dispute: dispute?.after, approval: approval?.after };
    },
  );
}

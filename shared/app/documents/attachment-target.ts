/**
 * What a new document is attached to, found as the actor may see it: the debtor itself or one of
 * its invoices, disputes or payments. Anything the actor may not see is "not found".
 */
import { canSeeDebtor } from '../../domain/actor';
import type { AttachmentKind } from '../../domain/documents/document';
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { findVisibleDispute } from '../disputes/resolve-dispute';
import { findVisibleInvoice } from '../invoices/find-invoice';

export async function attachmentTarget(
  services: Pick<Services, 'debtors' | 'invoices' | 'ledger'>,
  context: UseCaseContext,
  target: { kind: AttachmentKind; id: string },
): Promise<{ debtorId: string }> {
  const { actor } = context;
  switch (target.kind) {
    case 'debtor':
      return { debtorId: (await findVisibleDebtor(services.debtors, actor, target.id)).id };
    case 'invoice':
      return { debtorId: (await findVisibleInvoice(services.invoices, actor, target.id)).debtorId };
    case 'dispute': {
      const dispute = await findVisibleDispute(services, context, target.id);
      // Evidence is for a dispute still to be decided.
      if (dispute.status !== 'open') throw new RuleViolationError(`The dispute is already ${dispute.status}`);
      return { debtorId: dispute.debtorId };
    }
    case 'payment': {
      const payment = await services.ledger.getPayment(actor.tenantId, target.id);
      if (!payment || !canSeeDebtor(actor, payment.debtorId)) throw new NotFoundError('Payment');
      return { debtorId: payment.debtorId };
    }
  }
}

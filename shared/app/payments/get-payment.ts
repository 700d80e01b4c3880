import { canSeeDebtor } from '../../domain/actor';
import { NotFoundError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { paymentView } from '../views/payment-view';

export async function getPayment(services: Pick<Services, 'ledger'>, context: UseCaseContext, id: string) {
  const payment = await services.ledger.getPayment(context.actor.tenantId, id);
  if (!payment || !canSeeDebtor(context.actor, payment.debtorId)) throw new NotFoundError('Payment');
  return { payment, view: paymentView(payment) };
}

export async function listDebtorPayments(
  services: Pick<Services, 'debtors' | 'ledger'>,
  context: UseCaseContext,
  debtorId: string,
  page: { limit: number; cursor?: string },
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const result = await services.ledger.listPayments(debtor.tenantId, debtor.id, page);
  return { items: result.items.map(paymentView), nextCursor: result.nextCursor };
}

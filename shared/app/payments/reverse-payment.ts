import { auditor } from '../audit/auditor';
import { canSeeDebtor } from '../../domain/actor';
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import type { Invoice } from '../../domain/invoices/invoice';
import { adjustCredit, touch } from '../../domain/ledger/debtor-ledger';
import { appliedByInvoice, type Payment } from '../../domain/payments/payment';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { MAX_INVOICES_PER_PAYMENT } from './record-payment';
import { promisesReopenedBy } from '../promises/promise-evaluation';
import { paymentView } from '../views/payment-view';

/** A bounced payment: its allocations are undone, its credit withdrawn, the invoices re-opened. */
export async function reversePayment(
  services: Pick<Services, 'clock' | 'ids' | 'ledger' | 'debtors'>,
  context: UseCaseContext,
  paymentId: string,
  reason: string,
) {
  const tenantId = context.actor.tenantId;
  const found = await services.ledger.getPayment(tenantId, paymentId);
  if (!found || !canSeeDebtor(context.actor, found.debtorId)) throw new NotFoundError('Payment');
  return retryOnConcurrentChange(found, async () => {
    const payment = (await services.ledger.getPayment(tenantId, paymentId)) as Payment;
    if (payment.status === 'reversed') throw new RuleViolationError('The payment is already reversed');
    const now = services.clock.now();
    const { ledger, invoices } = await services.ledger.snapshot(tenantId, payment.debtorId);
    const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
    const applied = appliedByInvoice(payment);
    if (applied.size > MAX_INVOICES_PER_PAYMENT) {
      throw new RuleViolationError(
        `The payment reached ${applied.size} invoices; reversing more than ${MAX_INVOICES_PER_PAYMENT} at once is not supported`,
      );
    }
    const changedInvoices = [...applied].map(([invoiceId, amount]) => {
      const before = byId.get(invoiceId) as Invoice;
      const after: Invoice = {
        ...before,
        paid: before.paid - amount,
        version: before.version + 1,
        updatedAt: now.toISOString(),
      };
      return { before, after };
    });
    const reversed: Payment = {
      ...payment,
      status: 'reversed',
      unapplied: 0,
      reversedAt: now.toISOString(),
      reversalReason: reason,
      version: payment.version + 1,
    };
    const ledgerAfter =
      payment.unapplied > 0
        ? adjustCredit(ledger, payment.currency, -payment.unapplied, now)
        : touch(ledger, now);
    const debtor = await services.debtors.get(tenantId, payment.debtorId);
    const promises = promisesReopenedBy(
      payment,
      await services.ledger.listPromises(tenantId, payment.debtorId),
      await services.ledger.allPayments(tenantId, payment.debtorId),
      now,
      debtor?.timezone ?? 'UTC',
    );
    const view = paymentView(reversed);
    const audit = auditor(services.ids, context.actor, now);
    await services.ledger.commit(
      {
        ledger: { before: ledger, after: ledgerAfter },
        changedInvoices,
        changedPayments: [{ before: payment, after: reversed }],
        changedPromises: promises,
      },
      {
        audit: [
          audit('payment', payment.id, 'payment.reversed', payment, reversed),
          ...promises.map(({ before, after }) =>
            audit('promise', after.id, `promise.reopened_${after.status}`, before, after),
          ),
          ...changedInvoices.map(({ before, after }) =>
            audit('invoice', after.id, 'invoice.payment_reversed', before, after),
          ),
        ],
        idempotency: context.idempotency && { ...context.idempotency, body: view },
      },
    );
    return { payment: reversed, view };
  });
}

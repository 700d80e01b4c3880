/**
 * Unapplied credit meets a new invoice (domain rules §2): the oldest credit is used first, up to
 * the invoice's outstanding amount. Each payment records where its credit went.
 */
import { outstanding, type Invoice } from '../invoices/invoice';
import type { Payment } from '../payments/payment';

export interface CreditApplication {
  invoice: Invoice;
  payments: { before: Payment; after: Payment }[];
  applied: number;
}

/**
 * Credit from at most this many payments meets one new invoice: each changed payment and its
 * audit record take two of a transaction's 100 items. The rest stays credit for the next one.
 */
export const MAX_CREDIT_PAYMENTS_PER_INVOICE = 40;

export function applyCredit(
  invoice: Invoice,
  creditPayments: readonly Payment[],
  now: Date,
): CreditApplication {
  let remaining = outstanding(invoice);
  const payments: CreditApplication['payments'] = [];
  for (const payment of creditPayments) {
    if (remaining === 0 || payments.length === MAX_CREDIT_PAYMENTS_PER_INVOICE) break;
    if (payment.currency !== invoice.currency || payment.status !== 'applied' || payment.unapplied === 0)
      continue;
    const amount = Math.min(remaining, payment.unapplied);
    remaining -= amount;
    payments.push({
      before: payment,
      after: {
        ...payment,
        allocations: [
          ...payment.allocations,
          { invoiceId: invoice.id, amount, appliedAt: now.toISOString() },
        ],
        unapplied: payment.unapplied - amount,
        version: payment.version + 1,
      },
    });
  }
  const applied = outstanding(invoice) - remaining;
  return { invoice: { ...invoice, paid: invoice.paid + applied }, payments, applied };
}

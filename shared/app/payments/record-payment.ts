import { auditor } from '../audit/auditor';
import { RuleViolationError, ValidationError } from '../../domain/errors';
import { invoiceStatus, outstanding, type Invoice } from '../../domain/invoices/invoice';
import {
  allocateByDefault,
  allocateExplicitly,
  type Allocation,
  type OpenItem,
} from '../../domain/ledger/allocation';
import { adjustCredit, touch } from '../../domain/ledger/debtor-ledger';
import type { Debtor } from '../../domain/debtors/debtor';
import { chargePayments, newPayment, type Payment, type PaymentDraft } from '../../domain/payments/payment';
import { allocateChargesExplicitly } from '../../domain/interest/charge-allocation';
import { allocateToCharges, type ChargePayment, type ChargesOwed } from '../../domain/interest/charges';
import { owedOnCharges, type InterestCharge } from '../../domain/interest/interest-charge';
import type { PromiseToPay } from '../../domain/promises/promise-to-pay';
import type { Change } from '../../ports/ledger-store';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { decidedPromises, receivedPayments } from '../promises/promise-evaluation';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { paymentView } from '../views/payment-view';

/**
 * A transaction holds at most 100 items; each invoice touched takes two (the invoice and its
 * audit), and decided promises two more each.
 */
export const MAX_INVOICES_PER_PAYMENT = 40;
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export function openItem(invoice: Invoice): OpenItem {
  return {
    id: invoice.id,
    number: invoice.number,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    outstanding: outstanding(invoice),
    disputed: invoiceStatus(invoice) === 'disputed',
  };
}

/** What the debtor's charges in a currency still owe, or undefined when there are none. */
async function owedCharges(
  services: Pick<Services, 'ledger'>,
  debtor: Debtor,
  currency: string,
  charges: readonly InterestCharge[],
): Promise<{ owedNow: (extra: readonly ChargePayment[]) => ChargesOwed } | undefined> {
  if (!charges.some((charge) => charge.currency === currency)) return undefined;
  const paid = chargePayments(await services.ledger.allPayments(debtor.tenantId, debtor.id));
  return { owedNow: (extra) => owedOnCharges(currency, charges, [...paid, ...extra]) };
}

/** Pending promises of the debtor that this payment (with those before it) decides. */
async function promisesDecidedBy(
  services: Pick<Services, 'ledger'>,
  debtor: Debtor,
  payment: Payment,
  now: Date,
): Promise<Change<PromiseToPay>[]> {
  const pending = (await services.ledger.listPromises(debtor.tenantId, debtor.id)).filter(
    (p) => p.status === 'pending',
  );
  if (pending.length === 0) return [];
  const payments = [...(await services.ledger.allPayments(debtor.tenantId, debtor.id)), payment];
  return decidedPromises(pending, receivedPayments(payments), now, debtor.timezone);
}

/**
 * Records a payment and applies it in one transaction: explicit allocations as given, otherwise
 * oldest due date first; the rest becomes unapplied credit.
 */
export async function recordPayment(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger'>,
  context: UseCaseContext,
  draft: PaymentDraft & { allocations?: Allocation[]; chargeAllocations?: ChargePayment[] },
  /** A bulk import names the payment itself, so re-importing the same payment finds it. */
  options: { paymentId?: string; importId?: string } = {},
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, draft.debtorId);
  if (new Date(draft.receivedAt).getTime() > services.clock.now().getTime() + FUTURE_TOLERANCE_MS) {
    throw new ValidationError([{ path: 'receivedAt', message: 'must not be in the future' }]);
  }
  const paymentId = options.paymentId ?? services.ids.next('pay');
  return retryOnConcurrentChange({ tenantId: debtor.tenantId, debtorId: debtor.id }, async () => {
    const now = services.clock.now();
    const tenantId = context.actor.tenantId;
    const { ledger, invoices, charges } = await services.ledger.snapshot(tenantId, draft.debtorId);
    const items = invoices.filter((invoice) => outstanding(invoice) > 0).map(openItem);
    // Charges the payer named come first; the invoices get the rest.
    const chargeBook = await owedCharges(services, debtor, draft.currency, charges);
    const named = draft.chargeAllocations
      ? allocateChargesExplicitly(draft.chargeAllocations, chargeBook?.owedNow([]), draft.amount)
      : { allocations: [] };
    if ('issues' in named) throw new ValidationError(named.issues);
    const forInvoices =
      draft.amount - named.allocations.reduce((total, allocation) => total + allocation.amount, 0);
    const result = draft.allocations
      ? allocateExplicitly(forInvoices, draft.currency, draft.allocations, items)
      : allocateByDefault(forInvoices, draft.currency, items);
    if ('issues' in result) throw new ValidationError(result.issues);
    if (result.allocations.length > MAX_INVOICES_PER_PAYMENT) {
      throw new RuleViolationError(
        `This payment would settle ${result.allocations.length} invoices; allocate it explicitly in parts of at most ${MAX_INVOICES_PER_PAYMENT}`,
      );
    }

    // What the invoices leave goes to claimed interest and charges before it becomes credit.
    const leftover =
      chargeBook && result.unapplied > 0
        ? allocateToCharges(chargeBook.owedNow(named.allocations), result.unapplied).allocations
        : [];
    const toCharges = mergeChargeAllocations([...named.allocations, ...leftover]);
    const unapplied = result.unapplied - leftover.reduce((total, allocation) => total + allocation.amount, 0);
    const { allocations: _requested, chargeAllocations: _named, ...paymentDraft } = draft;
    const recorded = newPayment(
      paymentId,
      tenantId,
      paymentDraft,
      result.allocations,
      unapplied,
      context.actor,
      now,
      toCharges,
    );
    const payment = options.importId ? { ...recorded, importId: options.importId } : recorded;
    const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
    const changedInvoices = result.allocations.map((allocation) => {
      const before = byId.get(allocation.invoiceId) as Invoice;
      const after: Invoice = {
        ...before,
        paid: before.paid + allocation.amount,
        version: before.version + 1,
        updatedAt: now.toISOString(),
      };
      return { before, after };
    });
    const ledgerAfter =
      unapplied > 0 ? adjustCredit(ledger, draft.currency, unapplied, now) : touch(ledger, now);
    const promises = await promisesDecidedBy(services, debtor, payment, now);
    const view = paymentView(payment);
    const audit = auditor(services.ids, context.actor, now);

    await services.ledger.commit(
      {
        ledger: { before: ledger, after: ledgerAfter },
        createdPayments: [payment],
        changedInvoices,
        changedPromises: promises,
      },
      {
        audit: [
          audit('payment', payment.id, 'payment.recorded', null, payment),
          ...changedInvoices.map(({ before, after }) =>
            audit('invoice', after.id, 'invoice.payment_applied', before, after),
          ),
          ...promises.map(({ before, after }) =>
            audit('promise', after.id, `promise.${after.status}`, before, after),
          ),
        ],
        idempotency: context.idempotency && { ...context.idempotency, body: view },
      },
    );
    return { payment, view };
  });
}

function mergeChargeAllocations(allocations: readonly ChargePayment[]): ChargePayment[] {
  const totals = new Map<string, number>();
  for (const { chargeId, amount } of allocations) totals.set(chargeId, (totals.get(chargeId) ?? 0) + amount);
  return [...totals].map(([chargeId, amount]) => ({ chargeId, amount }));
}

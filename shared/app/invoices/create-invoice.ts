import { auditor } from '../audit/auditor';
import { ValidationError } from '../../domain/errors';
import { invoiceProblems, newInvoice, type InvoiceDraft } from '../../domain/invoices/invoice';
import { applyCredit } from '../../domain/ledger/apply-credit';
import { adjustCredit, touch } from '../../domain/ledger/debtor-ledger';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { invoiceView } from '../views/invoice-view';

/** Creates an invoice; unapplied credit of the debtor in its currency pays it down at once. */
export async function createInvoice(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger' | 'facts'>,
  context: UseCaseContext,
  draft: InvoiceDraft,
  /** A bulk import names the invoice itself, so a repeated import finds it. */
  options: { invoiceId?: string } = {},
) {
  // Reading the debtor first gives a clean 404; the transaction re-checks it exists.
  await findVisibleDebtor(services.debtors, context.actor, draft.debtorId);
  const invoiceId = options.invoiceId ?? services.ids.next('inv');
  // Checked before writing so that only a tenant's first invoice in a currency writes the marker.
  const currencyKnown = (await services.facts.currencies(context.actor.tenantId)).includes(draft.currency);
  return retryOnConcurrentChange({ tenantId: context.actor.tenantId, debtorId: draft.debtorId }, async () => {
    const now = services.clock.now();
    const draftInvoice = newInvoice(invoiceId, context.actor.tenantId, draft, context.actor, now);
    const problems = invoiceProblems(draftInvoice);
    if (problems.length > 0) throw new ValidationError(problems);

    const { ledger } = await services.ledger.snapshot(context.actor.tenantId, draft.debtorId);
    const hasCredit = (ledger.credit[draft.currency] ?? 0) > 0;
    const credit = hasCredit
      ? applyCredit(
          draftInvoice,
          await services.ledger.paymentsWithCredit(context.actor.tenantId, draft.debtorId),
          now,
        )
      : { invoice: draftInvoice, payments: [], applied: 0 };
    const invoice = credit.invoice;
    const ledgerAfter =
      credit.applied > 0 ? adjustCredit(ledger, draft.currency, -credit.applied, now) : touch(ledger, now);
    const view = invoiceView(invoice);
    const audit = auditor(services.ids, context.actor, now);

    await services.ledger.commit(
      {
        ledger: { before: ledger, after: ledgerAfter },
        createdInvoices: [invoice],
        ...(currencyKnown
          ? {}
          : { currencyInUse: { tenantId: context.actor.tenantId, currency: draft.currency } }),
        changedPayments: credit.payments,
      },
      {
        audit: [
          audit('invoice', invoice.id, 'invoice.created', null, invoice),
          ...credit.payments.map(({ before, after }) =>
            audit('payment', after.id, 'payment.credit_applied', before, after),
          ),
        ],
        idempotency: context.idempotency && { ...context.idempotency, body: view },
      },
    );
    return { invoice, view };
  });
}

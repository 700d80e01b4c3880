import { auditor } from '../audit/auditor';
/**
 * Interest and compensation claimed on an invoice: posted as charges (what has accrued and was
 * not posted yet, so posting twice on a day adds nothing), listed with what is still owed, and
 * waived by a person with ledger rights. Charges stay owed when the principal is settled.
 */
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import { chargesToPost } from '../../domain/interest/charges';
import { owedOnCharges, type InterestCharge } from '../../domain/interest/interest-charge';
import { chargePayments, type Payment } from '../../domain/payments/payment';
import { touch } from '../../domain/ledger/debtor-ledger';
import type { Actor } from '../../domain/actor';
import type { Approval } from '../../domain/approvals/approval';
import type { Invoice } from '../../domain/invoices/invoice';
import { needsApproval } from '../../domain/settings/tenant-settings';
import type { Change } from '../../ports/ledger-store';
import type { IdempotentCompletion } from '../../ports/write-context';
import { requestApproval, type AdjustmentOutcome } from '../adjustments/request-adjustment';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleInvoice } from '../invoices/find-invoice';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { getInvoiceInterest } from './get-invoice-interest';

type ChargeServices = Pick<Services, 'clock' | 'ids' | 'debtors' | 'invoices' | 'ledger'>;

function chargesView(currency: string, charges: readonly InterestCharge[], payments: readonly Payment[]) {
  const owed = owedOnCharges(currency, charges, chargePayments(payments));
  const byId = new Map(charges.map((charge) => [charge.id, charge]));
  return {
    currency,
    totals: owed.totals,
    byKind: owed.byKind,
    charges: owed.charges.map((balance) => {
      const charge = byId.get(balance.id) as InterestCharge;
      return {
        ...balance,
        ...(charge.throughDate ? { throughDate: charge.throughDate } : {}),
        ...(charge.waivedAt
          ? {
              waivedAt: charge.waivedAt,
              waivedBy: charge.waivedBy,
              waiverReason: charge.waiverReason,
              ...(charge.waiverApprovedBy ? { waiverApprovedBy: charge.waiverApprovedBy } : {}),
            }
          : {}),
      };
    }),
  };
}

async function invoiceCharges(
  services: Pick<Services, 'ledger'>,
  tenantId: string,
  debtorId: string,
  invoiceId: string,
) {
  const book = await services.ledger.book(tenantId, debtorId);
  return { book, charges: book.charges.filter((charge) => charge.invoiceId === invoiceId) };
}

export async function listInvoiceCharges(
  services: ChargeServices,
  context: UseCaseContext,
  invoiceId: string,
) {
  const invoice = await findVisibleInvoice(services.invoices, context.actor, invoiceId);
  const { book, charges } = await invoiceCharges(services, invoice.tenantId, invoice.debtorId, invoice.id);
  return chargesView(invoice.currency, charges, book.payments);
}

export async function postInterestCharges(
  services: ChargeServices,
  context: UseCaseContext,
  invoiceId: string,
  asOf?: string,
) {
  const { invoice, result } = await getInvoiceInterest(services, context, invoiceId, asOf ? { asOf } : {});
  return retryOnConcurrentChange(invoice, async () => {
    const now = services.clock.now();
    const { book, charges } = await invoiceCharges(services, invoice.tenantId, invoice.debtorId, invoice.id);
    const { drafts, overPosted } = chargesToPost(result, charges, result.asOf);
    const audit = auditor(services.ids, context.actor, now);
    const created: InterestCharge[] = drafts.map((draft) => ({
      ...draft,
      id: services.ids.next('chg'),
      tenantId: invoice.tenantId,
      debtorId: invoice.debtorId,
      invoiceId: invoice.id,
      createdAt: now.toISOString(),
      createdBy: context.actor.sub,
      version: 1,
    }));
    const body = {
      posted: created.map(({ tenantId: _t, ...charge }) => charge),
      overPosted,
      ...chargesView(invoice.currency, [...charges, ...created], book.payments),
    };
    await services.ledger.commit(
      { ledger: { before: book.ledger, after: touch(book.ledger, now) }, createdCharges: created },
      {
        audit: created.map((charge) =>
          audit('charge', invoice.id, `charge.${charge.kind}_posted`, null, charge),
        ),
        idempotency: context.idempotency && {
          ...context.idempotency,
          statusCode: created.length > 0 ? 201 : 200,
          body,
        },
      },
    );
    return { statusCode: created.length > 0 ? 201 : 200, body };
  });
}

/**
 * Waives what is unpaid of a charge. Above the tenant's four-eyes threshold for the currency the
 * waiver waits for a second person's approval (202), as write-offs do.
 */
export async function waiveCharge(
  services: ChargeServices & Pick<Services, 'settings' | 'approvals'>,
  context: UseCaseContext,
  invoiceId: string,
  chargeId: string,
  reason: string,
): Promise<AdjustmentOutcome> {
  const invoice = await findVisibleInvoice(services.invoices, context.actor, invoiceId);
  const { book, charges } = await invoiceCharges(services, invoice.tenantId, invoice.debtorId, invoice.id);
  const charge = charges.find((candidate) => candidate.id === chargeId);
  if (!charge) throw new NotFoundError('Charge');
  if (charge.waived) throw new RuleViolationError('The charge is already waived');
  const unpaid =
    owedOnCharges(invoice.currency, charges, chargePayments(book.payments)).charges.find(
      (balance) => balance.id === chargeId,
    )?.owed ?? 0;
  const settings = await services.settings.get(invoice.tenantId);
  if (needsApproval(settings, invoice.currency, unpaid)) {
    return requestApproval(services, context, invoice, 'charge_waiver', unpaid, reason, { chargeId });
  }
  const body = await commitWaiver(services, context.actor, invoice, chargeId, reason, {
    idempotency: (charges) =>
      context.idempotency && { ...context.idempotency, statusCode: 200, body: charges },
  });
  return { status: 'applied', statusCode: 200, body };
}

/**
 * The waiver itself, in one transaction with the ledger head and, when a second person approved
 * it, with that decision. Audited as the requester's waiver, approved by the approver.
 */
export async function commitWaiver(
  services: ChargeServices,
  actor: Actor,
  invoice: Invoice,
  chargeId: string,
  reason: string,
  options: {
    /** The response a retried request replays, given the charges after the waiver. */
    idempotency?: (charges: unknown) => IdempotentCompletion | undefined;
    approval?: Change<Approval>;
  },
) {
  return retryOnConcurrentChange(invoice, async () => {
    const now = services.clock.now();
    const { book, charges } = await invoiceCharges(services, invoice.tenantId, invoice.debtorId, invoice.id);
    const before = charges.find((charge) => charge.id === chargeId);
    if (!before) throw new NotFoundError('Charge');
    if (before.waived) throw new RuleViolationError('The charge is already waived');
    const requester = options.approval?.before.requestedBy ?? actor.sub;
    const after: InterestCharge = {
      ...before,
      waived: true,
      waivedAt: now.toISOString(),
      waivedBy: requester,
      waiverReason: reason,
      ...(options.approval ? { waiverApprovedBy: actor.sub } : {}),
      version: before.version + 1,
    };
    const body = chargesView(
      invoice.currency,
      charges.map((charge) => (charge.id === chargeId ? after : charge)),
      book.payments,
    );
    const audit = auditor(services.ids, actor, now);
    await services.ledger.commit(
      {
        ledger: { before: book.ledger, after: touch(book.ledger, now) },
        changedCharges: [{ before, after }],
        ...(options.approval ? { changedApprovals: [options.approval] } : {}),
      },
      {
        audit: [
          audit('charge', invoice.id, 'charge.waived', before, after),
          ...(options.approval
            ? [
                audit(
                  'approval',
                  options.approval.before.id,
                  'approval.approved',
                  options.approval.before,
                  options.approval.after,
                ),
              ]
            : []),
        ],
        idempotency: options.idempotency?.(body),
      },
    );
    return body;
  });
}

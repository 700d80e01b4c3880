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
          ? { waivedAt: charge.waivedAt, waivedBy: charge.waivedBy, waiverReason: charge.waiverReason }
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

export async function waiveCharge(
  services: ChargeServices,
  context: UseCaseContext,
  invoiceId: string,
  chargeId: string,
  reason: string,
) {
  const invoice = await findVisibleInvoice(services.invoices, context.actor, invoiceId);
  return retryOnConcurrentChange(invoice, async () => {
    const now = services.clock.now();
    const { book, charges } = await invoiceCharges(services, invoice.tenantId, invoice.debtorId, invoice.id);
    const before = charges.find((charge) => charge.id === chargeId);
    if (!before) throw new NotFoundError('Charge');
    if (before.waived) throw new RuleViolationError('The charge is already waived');
    const after: InterestCharge = {
      ...before,
      waived: true,
      waivedAt: now.toISOString(),
      waivedBy: context.actor.sub,
      waiverReason: reason,
      version: before.version + 1,
    };
    const body = chargesView(
      invoice.currency,
      charges.map((charge) => (charge.id === chargeId ? after : charge)),
      book.payments,
    );
    await services.ledger.commit(
      {
        ledger: { before: book.ledger, after: touch(book.ledger, now) },
        changedCharges: [{ before, after }],
      },
      {
        audit: [
          auditor(services.ids, context.actor, now)('charge', invoice.id, 'charge.waived', before, after),
        ],
        idempotency: context.idempotency && { ...context.idempotency, statusCode: 200, body },
      },
    );
    return body;
  });
}

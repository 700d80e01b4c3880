/**
 * Statutory late-payment interest and fixed compensation of one invoice, computed on demand
 * (domain rules §6): nothing is posted. The debtor decides the debt kind (a person's debt is a
 * consumer debt), the rule pack (from the jurisdiction) and the time zone that turns instants into
 * calendar dates; payments, credit notes and write-offs lower the principal from their dates on.
 */
import { NotFoundError, RuleViolationError, ValidationError } from '../../domain/errors';
import {
  computeLateInterest,
  type DebtKind,
  type LateInterest,
  type PrincipalReduction,
} from '../../domain/interest/late-interest';
import type { Jurisdiction } from '../../domain/interest/rule-packs';
import type { Invoice } from '../../domain/invoices/invoice';
import type { Payment } from '../../domain/payments/payment';
import { daysBetween, localDate, type CalendarDate } from '../../domain/time/calendar-date';
import type { LedgerStore } from '../../ports/ledger-store';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleInvoice } from '../invoices/find-invoice';
import { rulePackFor } from './jurisdiction-pack';
import { principalReductions } from './principal-reductions';

/** Why nothing is owed, when nothing is. */
export type NoInterestReason =
  /** The debtor's jurisdiction has no statutory late-interest rule pack. */
  | 'no_statutory_late_interest'
  /** A person's debt: no statutory late interest unless the contract provides it. */
  | 'consumer_debt'
  /** The as-of date is on or before the due date. */
  | 'not_overdue'
  /** Paid, credited or written off in full by the due date. */
  | 'settled_by_due_date';

export interface InterestQuery {
  asOf?: CalendarDate;
}

const PAYMENT_PAGE = 100;

async function allPayments(ledger: LedgerStore, tenantId: string, debtorId: string): Promise<Payment[]> {
  const payments: Payment[] = [];
  let cursor: string | undefined;
  do {
    const page = await ledger.listPayments(tenantId, debtorId, { limit: PAYMENT_PAGE, cursor });
    payments.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return payments;
}

/**
 * Where no statutory regime applies: nothing accrues, but the facts (days late, principal late) are
 * reported as computeLateInterest reports them (a reduction dated on or before the due date lowers
 * the principal before interest would start).
 */
function withoutStatutoryInterest(
  invoice: Invoice,
  reductions: readonly PrincipalReduction[],
  asOf: CalendarDate,
): LateInterest {
  const daysLate = Math.max(0, daysBetween(invoice.dueDate, asOf));
  const reducedByDueDate = reductions
    .filter((reduction) => reduction.date <= invoice.dueDate)
    .reduce((total, reduction) => total + reduction.amount, 0);
  return {
    currency: invoice.currency,
    basis: 'none',
    dueDate: invoice.dueDate,
    asOf,
    daysLate,
    lateDebt: daysLate > 0 ? Math.max(0, invoice.amount - reducedByDueDate) : 0,
    interest: 0,
    compensation: 0,
    periods: [],
    warnings: [],
  };
}

function reasonFor(result: LateInterest): NoInterestReason | undefined {
  if (result.basis === 'none') return 'consumer_debt';
  if (result.daysLate === 0) return 'not_overdue';
  if (result.lateDebt === 0) return 'settled_by_due_date';
  return undefined;
}

function interestView(
  invoice: Invoice,
  debtKind: DebtKind,
  jurisdiction: string,
  rulePack: Jurisdiction | undefined,
  result: LateInterest,
  reason: NoInterestReason | undefined,
) {
  return {
    invoiceId: invoice.id,
    debtorId: invoice.debtorId,
    currency: result.currency,
    dueDate: result.dueDate,
    asOf: result.asOf,
    debtKind,
    jurisdiction,
    ...(rulePack ? { rulePack } : {}),
    basis: result.basis,
    ...(result.legalBasis ? { legalBasis: result.legalBasis } : {}),
    daysLate: result.daysLate,
    lateDebt: result.lateDebt,
    interest: result.interest,
    compensation: result.compensation,
    total: result.interest + result.compensation,
    periods: [...result.periods],
    warnings: [...result.warnings],
    ...(reason ? { reason } : {}),
  };
}

export async function getInvoiceInterest(
  services: Pick<Services, 'clock' | 'debtors' | 'invoices' | 'ledger'>,
  context: UseCaseContext,
  invoiceId: string,
  query: InterestQuery = {},
) {
  const tenantId = context.actor.tenantId;
  const invoice = await findVisibleInvoice(services.invoices, context.actor, invoiceId);
  const debtor = await services.debtors.get(tenantId, invoice.debtorId);
  if (!debtor) throw new NotFoundError('Debtor');

  const asOf = query.asOf ?? localDate(services.clock.now(), debtor.timezone);
  if (asOf < invoice.issueDate) {
    throw new ValidationError([
      { path: 'query.asOf', message: `must not be before the invoice's issue date ${invoice.issueDate}` },
    ]);
  }
  const debtKind: DebtKind = debtor.kind === 'business' ? 'business' : 'consumer';
  const pack = rulePackFor(debtor.jurisdiction);
  const [payments, adjustments] = await Promise.all([
    allPayments(services.ledger, tenantId, invoice.debtorId),
    services.ledger.listAdjustments(tenantId, invoice.debtorId),
  ]);
  const reductions = principalReductions(invoice.id, payments, adjustments, debtor.timezone);

  if (!pack) {
    const result = withoutStatutoryInterest(invoice, reductions, asOf);
    return {
      invoice,
      result,
      view: interestView(
        invoice,
        debtKind,
        debtor.jurisdiction,
        undefined,
        result,
        'no_statutory_late_interest',
      ),
    };
  }
  const result = computeWithKnownRates(
    {
      principal: invoice.amount,
      currency: invoice.currency,
      dueDate: invoice.dueDate,
      reductions,
      asOf,
      debtKind,
      jurisdiction: pack.jurisdiction,
    },
    pack,
  );
  return {
    invoice,
    result,
    view: interestView(invoice, debtKind, debtor.jurisdiction, pack.jurisdiction, result, reasonFor(result)),
  };
}

/** A due date before the oldest reference rate on record is a business refusal (422), not a fault. */
function computeWithKnownRates(...args: Parameters<typeof computeLateInterest>) {
  try {
    return computeLateInterest(...args);
  } catch (error) {
    if (error instanceof RangeError && /no rate known/i.test(error.message)) {
      throw new RuleViolationError(`Late interest cannot be computed: ${error.message}`);
    }
    throw error;
  }
}

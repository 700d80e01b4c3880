/**
 * Builds the risk score's input from ONE debtor's ledger facts (the same facts the AR metrics read),
 * in one currency, as the ledger stood at the end of `asOf`:
 * - open items: invoices with something owed at the end of `asOf`;
 * - payments: allocations dated in the look-back window (RISK_MODEL.lookbackDays, ending on
 *   `asOf`), net of reversals, each with its invoice's due date;
 * - promises of the currency;
 * - invoices issued in the window, and how many of them had a dispute opened by `asOf`.
 */
import { assertLedgerFacts, factsForCurrency, type LedgerFacts } from '../metrics/ledger-facts';
import { balancesAt, settledAllocations } from '../metrics/receivables';
import type { CurrencyCode } from '../money/currencies';
import { addDays, type CalendarDate } from '../time/calendar-date';
import { RISK_MODEL, type RiskModel } from './risk-model';
import type { RiskCreditReport, RiskInput } from './risk-score';

export interface RiskContext {
  currency: CurrencyCode;
  asOf: CalendarDate;
  /** The debtor's credit score (0–1000), when known. */
  creditScore?: number;
  /** The bureau report behind `creditScore`, if one is. */
  creditReport?: RiskCreditReport;
  /** A typical open balance in `currency`, minor units (e.g. the tenant's median per debtor). */
  referenceBalance?: number;
}

export function riskInputFromFacts(
  facts: LedgerFacts,
  context: RiskContext,
  model: RiskModel = RISK_MODEL,
): RiskInput {
  assertLedgerFacts(facts);
  const { currency, asOf } = context;
  const scoped = factsForCurrency(facts, currency);
  const windowStart = addDays(asOf, -(model.lookbackDays - 1));
  const issuedInWindow = scoped.invoices.filter(
    (invoice) => invoice.issueDate >= windowStart && invoice.issueDate <= asOf,
  );
  const disputed = new Set(
    (scoped.disputes ?? []).filter((dispute) => dispute.openedAt <= asOf).map((dispute) => dispute.invoiceId),
  );
  return {
    asOf,
    currency,
    openItems: balancesAt(scoped, currency, asOf).map(({ invoice, outstanding }) => ({
      invoiceId: invoice.id,
      currency,
      outstanding,
      dueDate: invoice.dueDate,
    })),
    payments: settledAllocations(scoped, currency, windowStart, asOf).map(({ invoice, date, amount }) => ({
      invoiceId: invoice.id,
      currency,
      amount,
      dueDate: invoice.dueDate,
      paidOn: date,
    })),
    promises: (scoped.promises ?? []).map(({ status, dueDate, graceDays, resolvedOn }) => ({
      status,
      dueDate,
      graceDays,
      ...(resolvedOn === undefined ? {} : { resolvedOn }),
    })),
    invoiceCount: issuedInWindow.length,
    disputedInvoiceCount: issuedInWindow.filter((invoice) => disputed.has(invoice.id)).length,
    ...(context.creditScore === undefined ? {} : { creditScore: context.creditScore }),
    ...(context.creditScore === undefined || context.creditReport === undefined
      ? {}
      : { creditReport: context.creditReport }),
    ...(context.referenceBalance === undefined ? {} : { referenceBalance: context.referenceBalance }),
  };
}

import type { Debtor } from '../../domain/debtors/debtor';
import { outstanding } from '../../domain/invoices/invoice';
import { riskInputFromFacts } from '../../domain/risk/risk-input';
import { scoreRisk } from '../../domain/risk/risk-score';
import { localDate, type CalendarDate } from '../../domain/time/calendar-date';
import type { RiskCreditReport } from '../../domain/risk/risk-score';
import type { DebtorBook } from '../../ports/ledger-store';
import { ledgerFactsFrom } from '../metrics/ledger-facts-from-records';

/**
 * The debtor's risk per currency it owes (each book scored on its own), and the headline score:
 * the highest of them, since collection priority follows the riskiest exposure.
 */
export function debtorRisk(debtor: Debtor, book: DebtorBook, asOf: CalendarDate) {
  const facts = ledgerFactsFrom(book, debtor.timezone);
  const currencies = [
    ...new Set(book.invoices.filter((i) => outstanding(i) > 0).map((i) => i.currency)),
  ].sort();
  const risk = currencies.map((currency) => ({
    currency,
    ...scoreRisk(
      riskInputFromFacts(facts, {
        currency,
        asOf,
        ...(debtor.creditScore !== undefined ? { creditScore: debtor.creditScore } : {}),
        ...creditReportBehindScore(debtor),
      }),
    ),
  }));
  const riskScore = risk.length > 0 ? Math.max(...risk.map((entry) => entry.score)) : null;
  return { riskScore, risk };
}

/**
 * The bureau report that set the debtor's credit score, while it still is the source: a score
 * changed by hand since is explained as the plain score it is.
 */
function creditReportBehindScore(debtor: Debtor): { creditReport?: RiskCreditReport } {
  const report = debtor.creditReport;
  if (!report || report.creditScore === null || report.creditScore !== debtor.creditScore) return {};
  return {
    creditReport: {
      bureau: report.bureau,
      fetchedOn: localDate(new Date(report.fetchedAt), debtor.timezone),
      ratingBand: report.ratingBand,
      daysBeyondTerms: report.daysBeyondTerms,
      paymentIndex: report.paymentIndex,
      insolvency: report.insolvency,
    },
  };
}

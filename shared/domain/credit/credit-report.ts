/**
 * A business credit report as Recoup keeps it, whatever bureau it came from: the bureau's own
 * score and scale beside a 0–100 normalisation (higher is safer), its rating band, how late the
 * company pays others, the credit limit the bureau suggests (exact minor units), and whether it
 * is trading, insolvent or dissolved.
 */
import type { Money } from '../money/money';

export interface CreditScoreReading {
  /** 0 (worst) … 100 (best); null when the bureau gives no numeric rating (not rated). */
  normalised: number | null;
  /** The bureau's value as it sent it (Creditsafe sends strings: "71"). */
  bureauValue: string | null;
  /** The bureau's scale for that value, when it states one. */
  bureauScale: { min: string; max: string } | null;
}

export interface CreditRatingBand {
  /** The bureau's common band: Creditsafe's A (very low risk) … E (not rated). */
  code: string;
  description?: string;
}

export interface CompanyStatusFlags {
  /** Trading, as the bureau reports it. */
  active: boolean;
  /** In administration, liquidation, receivership or another insolvency proceeding. */
  insolvency: boolean;
  dissolved: boolean;
  /** The bureau's own words, e.g. "Active - Accounts Filed". */
  description?: string;
}

export interface CreditReport {
  /** Which bureau, by Recoup's name for it (`creditsafe`). */
  bureau: string;
  /** The bureau's id of this report (its correlation id), for disputes with the bureau. */
  reportId: string;
  /** The bureau's id of the company (Creditsafe's connectId). */
  companyId: string;
  companyName: string;
  /** ISO 3166 alpha-2. */
  country: string;
  registrationNumber?: string;
  /** When Recoup received the report (UTC, ISO 8601). */
  fetchedAt: string;
  score: CreditScoreReading;
  ratingBand: CreditRatingBand | null;
  /** Amount-weighted average days the company pays its suppliers beyond terms (DBT). */
  daysBeyondTerms: number | null;
  /** The same average for its industry, to compare with. */
  industryDaysBeyondTerms: number | null;
  /** A bureau's payment index (1–100, higher pays better, e.g. D&B PAYDEX), where it gives one. */
  paymentIndex: number | null;
  /** The most the bureau suggests to extend on credit. */
  creditLimit: Money | null;
  status: CompanyStatusFlags;
}

/** What a debtor carries of its latest report: enough for the risk score to explain itself. */
export interface CreditReportSummary {
  id: string;
  bureau: string;
  fetchedAt: string;
  ratingBand: string | null;
  normalisedScore: number | null;
  daysBeyondTerms: number | null;
  paymentIndex: number | null;
  insolvency: boolean;
  /** The debtor's `creditScore` this report set; a later manual change makes it no longer the source. */
  creditScore: number | null;
  /**
   * The last scheduled refresh that got no report (the bureau no longer finds the company, say): it
   * moves the debtor to the back of the refresh queue until the next refresh is due.
   */
  refreshFailed?: { at: string; reason: string };
}

/** When the debtor's credit data was last looked at: the report, or a later refresh that failed. */
export function lastCreditLook(summary: CreditReportSummary): string {
  return summary.refreshFailed && summary.refreshFailed.at > summary.fetchedAt
    ? summary.refreshFailed.at
    : summary.fetchedAt;
}

export function summaryOf(id: string, report: CreditReport, creditScore: number | null): CreditReportSummary {
  return {
    id,
    bureau: report.bureau,
    fetchedAt: report.fetchedAt,
    ratingBand: report.ratingBand?.code ?? null,
    normalisedScore: report.score.normalised,
    daysBeyondTerms: report.daysBeyondTerms,
    paymentIndex: report.paymentIndex,
    insolvency: report.status.insolvency,
    creditScore,
  };
}

/**
 * The parts of Creditsafe Connect's JSON that Recoup reads, as its API reference names them
 * (https://doc.creditsafe.com, Credit & Risk: `POST /authenticate`, `GET /companies`,
 * `GET /companies/{connectId}`). Everything is optional: sections and fields vary by country and
 * by the subscription's report template, and Creditsafe adds fields without notice.
 */

export interface CreditsafeAuthentication {
  /** A JWT, valid for one hour. */
  token?: string;
}

export interface CreditsafeCompanySearch {
  correlationId?: string;
  totalSize?: number;
  companies?: CreditsafeCompany[];
}

export interface CreditsafeCompany {
  /** The connectId, which orders the report (`GB-0-03836192`). */
  id?: string;
  country?: string;
  regNo?: string;
  safeNo?: string;
  vatNo?: string[] | string;
  name?: string;
  type?: string;
  status?: string;
  address?: { simpleValue?: string; city?: string; postCode?: string };
}

/** A value with its currency; Creditsafe sends the value as a string or a number by section. */
export interface CreditsafeFinancialValue {
  currency?: string;
  value?: string | number;
}

export interface CreditsafeCreditRating {
  /** The common band across countries: A (very low risk) … E (not rated). */
  commonValue?: string;
  commonDescription?: string;
  creditLimit?: CreditsafeFinancialValue;
  /** The country's own score and its range, as strings (`{"value":"71","minValue":"1","maxValue":"100"}`). */
  providerValue?: { value?: string; minValue?: string; maxValue?: string };
  providerDescription?: string;
  /** Probability of default. */
  pod?: number;
}

export interface CreditsafeCompanyReport {
  companyId?: string;
  companySummary?: {
    businessName?: string;
    country?: string;
    companyNumber?: string;
    companyRegistrationNumber?: string;
    companyStatus?: { status?: string; description?: string };
    creditRating?: CreditsafeCreditRating;
  };
  creditScore?: {
    currentCreditRating?: CreditsafeCreditRating;
    currentContractLimit?: CreditsafeFinancialValue;
    previousCreditRating?: CreditsafeCreditRating;
    latestRatingChangeDate?: string;
  };
  /** Trade payment data where Creditsafe has it (days beyond terms: DBT). */
  paymentData?: { dbt?: number | string; industryDBT?: number | string };
}

export interface CreditsafeReportResponse {
  correlationId?: string;
  companyId?: string;
  dateOfOrder?: string;
  language?: string;
  userId?: number;
  report?: CreditsafeCompanyReport;
}

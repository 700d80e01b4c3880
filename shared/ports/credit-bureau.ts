/**
 * A business credit bureau: find a company, then buy its credit report. Adapters map the bureau's
 * own JSON to the normalised report (shared/domain/credit/credit-report.ts) and its failures to the
 * errors below, so the use case never sees a bureau's wire format.
 */
import type { CompanyQuery } from '../domain/credit/credit-check-subject';
import type { CreditReport } from '../domain/credit/credit-report';

export interface CompanyMatch {
  /** The bureau's id of the company, which orders its report. */
  companyId: string;
  name: string;
  country: string;
  registrationNumber?: string;
}

export interface CreditBureau {
  /** Recoup's name for the bureau (`creditsafe`). */
  readonly name: string;
  /** The best match, or CreditBureauNotFoundError. */
  findCompany(query: CompanyQuery): Promise<CompanyMatch>;
  /** Orders the company's current report (bureaus bill per report). */
  fetchReport(companyId: string): Promise<CreditReport>;
}

/** The bureau knows no such company (or no report for it). */
export class CreditBureauNotFoundError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'CreditBureauNotFoundError';
  }
}

/** The bureau asked us to slow down for longer than a request may wait. */
export class CreditBureauRateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`The credit bureau asks to retry after ${retryAfterSeconds} s`);
    this.name = 'CreditBureauRateLimitedError';
  }
}

/** The bureau refused our credentials: an operator must fix the secret. */
export class CreditBureauUnauthorisedError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'CreditBureauUnauthorisedError';
  }
}

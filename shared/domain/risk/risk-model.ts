/**
 * The risk model as data, in one place: the factor weights (points out of 100) and the
 * parameters that turn each observation into a factor value between 0 (no risk) and 1 (worst).
 * Change the model by editing this record and its version; `scoreRisk` reads nothing else.
 */

export type RiskFactorName =
  | 'daysPastDue'
  | 'overdueShare'
  | 'brokenPromises'
  | 'paymentHistory'
  | 'disputeRate'
  | 'creditScore'
  | 'balanceSize';

export interface RiskModel {
  version: string;
  /** Points out of 100 per factor; they add up to 100. Factors without data are left out and the rest rescaled. */
  weights: Readonly<Record<RiskFactorName, number>>;
  /** Days past due at which an overdue invoice counts fully (linear from 0 days). */
  daysPastDueFull: number;
  /** Share of the open balance from which an overdue invoice weighs fully (linear below). */
  materialShare: number;
  /** A broken promise counts 1 within `recentDays` of the as-of date, `olderWeight` up to `forgetDays`, then 0. */
  brokenPromise: { recentDays: number; olderWeight: number; forgetDays: number; full: number };
  /** Amount-weighted average days late of past payments at which the factor is full. */
  paymentLatenessFull: number;
  /** Share of invoices disputed at which the factor is full. */
  disputeRateFull: number;
  /** Credit scores run from 0 (worst) to `creditScoreMax` (best). */
  creditScoreMax: number;
  /** Open balance ÷ reference balance (e.g. the tenant's median debtor balance) → factor value; first match wins. */
  balanceBands: readonly { upTo: number; value: number }[];
  /** Window of history (payments, invoices, disputes) `riskInputFromFacts` looks at. */
  lookbackDays: number;
}

export const RISK_MODEL: RiskModel = {
  version: '2026-05-01',
  weights: {
    daysPastDue: 25,
    overdueShare: 20,
    brokenPromises: 15,
    paymentHistory: 15,
    creditScore: 10,
    balanceSize: 10,
    disputeRate: 5,
  },
  daysPastDueFull: 120,
  materialShare: 0.1,
  brokenPromise: { recentDays: 90, olderWeight: 0.5, forgetDays: 365, full: 3 },
  paymentLatenessFull: 60,
  disputeRateFull: 0.25,
  creditScoreMax: 1000,
  balanceBands: [
    { upTo: 0.5, value: 0 },
    { upTo: 1, value: 0.25 },
    { upTo: 2, value: 0.5 },
    { upTo: 4, value: 0.75 },
    { upTo: Infinity, value: 1 },
  ],
  lookbackDays: 365,
};

import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { currencyCode, idOf, instant, minorUnits, pageQuery } from './common';

export const listCreditReportsQuery = z.strictObject({ ...pageQuery });

export const creditReportView = withMeta(
  z.object({
    id: idOf('crp'),
    debtorId: idOf('dbt'),
    bureau: withMeta(z.string(), { example: 'creditsafe' }),
    reportId: withMeta(z.string(), {
      description: "The bureau's id of the report (Creditsafe's correlationId)",
    }),
    companyId: withMeta(z.string(), {
      description: "The bureau's id of the company (Creditsafe's connectId)",
    }),
    companyName: z.string(),
    country: z.string(),
    registrationNumber: z.optional(z.string()),
    fetchedAt: instant,
    requestedBy: z.string(),
    score: z.object({
      normalised: withMeta(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(100))), {
        description: '0 (worst) … 100 (best), linear on the bureau scale; null when not rated',
      }),
      bureauValue: z.nullable(z.string()),
      bureauScale: z.nullable(z.object({ min: z.string(), max: z.string() })),
    }),
    ratingBand: z.nullable(
      z.object({ code: withMeta(z.string(), { example: 'A' }), description: z.optional(z.string()) }),
    ),
    daysBeyondTerms: withMeta(z.nullable(z.number()), {
      description: 'Days the company pays beyond terms (DBT)',
    }),
    industryDaysBeyondTerms: z.nullable(z.number()),
    paymentIndex: z.nullable(z.number()),
    creditLimit: z.nullable(z.object({ amount: minorUnits, currency: currencyCode })),
    status: z.object({
      active: z.boolean(),
      insolvency: z.boolean(),
      dissolved: z.boolean(),
      description: z.optional(z.string()),
    }),
  }),
  { id: 'CreditReport' },
);

export const creditCheckView = withMeta(
  z.extend(creditReportView, {
    debtorCreditScore: withMeta(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(1000))), {
      description: "The debtor's credit score (0–1000) after the check: ten times the normalised score",
    }),
  }),
  { id: 'CreditCheck' },
);

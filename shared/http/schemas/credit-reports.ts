import * as z from 'zod';
import { currencyCode, idOf, instant, minorUnits, pageQuery } from './common';

export const listCreditReportsQuery = z.strictObject({ ...pageQuery });

export const creditReportView = z
  .object({
    id: idOf('crp'),
    debtorId: idOf('dbt'),
    bureau: z.string().meta({ example: 'creditsafe' }),
    reportId: z.string().meta({ description: "The bureau's id of the report (Creditsafe's correlationId)" }),
    companyId: z.string().meta({ description: "The bureau's id of the company (Creditsafe's connectId)" }),
    companyName: z.string(),
    country: z.string(),
    registrationNumber: z.string().optional(),
    fetchedAt: instant,
    requestedBy: z.string(),
    score: z.object({
      normalised: z.number().int().min(0).max(100).nullable().meta({
        description: '0 (worst) … 100 (best), linear on the bureau scale; null when not rated',
      }),
      bureauValue: z.string().nullable(),
      bureauScale: z.object({ min: z.string(), max: z.string() }).nullable(),
    }),
    ratingBand: z
      .object({ code: z.string().meta({ example: 'A' }), description: z.string().optional() })
      .nullable(),
    daysBeyondTerms: z.number().nullable().meta({ description: 'Days the company pays beyond terms (DBT)' }),
    industryDaysBeyondTerms: z.number().nullable(),
    paymentIndex: z.number().nullable(),
    creditLimit: z.object({ amount: minorUnits, currency: currencyCode }).nullable(),
    status: z.object({
      active: z.boolean(),
      insolvency: z.boolean(),
      dissolved: z.boolean(),
      description: z.string().optional(),
    }),
  })
  .meta({ id: 'CreditReport' });

export const creditCheckView = creditReportView
  .extend({
    debtorCreditScore: z.number().int().min(0).max(1000).nullable().meta({
      description: "The debtor's credit score (0–1000) after the check: ten times the normalised score",
    }),
  })
  .meta({ id: 'CreditCheck' });

import * as z from 'zod';
import { MESSAGE_LANGUAGES } from '../../domain/messaging/message-locale';
import {
  calendarDate,
  currencyCode,
  idOf,
  jurisdiction,
  minorUnits,
  pageQuery,
  shortText,
  timeZone,
} from './common';

const segment = z.strictObject({
  industryCode: shortText(16).optional(),
  size: z.enum(['micro', 'small', 'medium', 'large', 'enterprise']).optional(),
});

/** Where letters go. */
const postalAddress = z.strictObject({
  lines: z.array(shortText(100)).min(1).max(4),
  locality: shortText(100),
  region: shortText(100).optional(),
  postalCode: shortText(20).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as US'),
});

const email = z.email().max(254);
const language = z.enum(MESSAGE_LANGUAGES).meta({
  description:
    "The language the debtor is written to in; by default the country's (German for DE, AT, CH, LI, LU)",
});
const collectorId = shortText(128).meta({
  description: 'The assigned collector: a user id (sub) of the tenant',
});
const taxId = shortText(40).meta({
  description: 'Tax or registration id (VAT number, EIN, company number); compared for duplicates',
});
const phone = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +12125550100');

export const createDebtorBody = z
  .strictObject({
    name: shortText(200),
    kind: z.enum(['person', 'business']),
    email: email.optional(),
    phone: phone.optional(),
    postalAddress: postalAddress.optional(),
    timezone: timeZone,
    jurisdiction,
    language: language.optional(),
    externalRef: shortText(100).optional(),
    taxId: taxId.optional(),
    segment: segment.optional(),
    creditScore: z.number().int().min(0).max(1000).optional(),
    collectorId: collectorId.optional(),
  })
  .meta({ id: 'CreateDebtor' });

/** PATCH: every field optional; `null` clears an optional field. */
export const updateDebtorBody = z
  .strictObject({
    name: shortText(200).optional(),
    kind: z.enum(['person', 'business']).optional(),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    postalAddress: postalAddress.nullable().optional(),
    timezone: timeZone.optional(),
    jurisdiction: jurisdiction.optional(),
    language: language.nullable().optional(),
    externalRef: shortText(100).nullable().optional(),
    taxId: taxId.nullable().optional(),
    segment: segment.nullable().optional(),
    creditScore: z.number().int().min(0).max(1000).nullable().optional(),
    collectorId: collectorId.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateDebtor' });

export const listDebtorsQuery = z.strictObject({
  ...pageQuery,
  search: z.string().trim().min(1).max(200).optional(),
});

const balance = z.object({ currency: currencyCode, outstanding: minorUnits, overdue: minorUnits });
const aging = z.object({
  currency: currencyCode,
  current: minorUnits,
  d1_30: minorUnits,
  d31_60: minorUnits,
  d61_90: minorUnits,
  d90_plus: minorUnits,
});

export const debtorView = z
  .object({
    id: idOf('dbt'),
    name: z.string(),
    kind: z.enum(['person', 'business']),
    email: z.string().optional(),
    phone: z.string().optional(),
    postalAddress: postalAddress.optional(),
    timezone: z.string(),
    jurisdiction: z.string(),
    language: z.enum(MESSAGE_LANGUAGES).optional(),
    externalRef: z.string().optional(),
    taxId: z.string().optional(),
    segment: segment.optional(),
    creditScore: z.number().optional(),
    creditReport: z
      .object({
        id: idOf('crp'),
        bureau: z.string(),
        fetchedAt: z.string(),
        ratingBand: z.string().nullable(),
        normalisedScore: z.number().int().nullable(),
        daysBeyondTerms: z.number().nullable(),
        paymentIndex: z.number().nullable(),
        insolvency: z.boolean(),
        creditScore: z.number().int().nullable(),
        refreshFailed: z
          .object({ at: z.string(), reason: z.string() })
          .optional()
          .meta({ description: 'The last scheduled refresh that got no report, and why' }),
      })
      .optional()
      .meta({ description: 'The latest credit report (POST /v1/debtors/{id}/credit-check) in brief' }),
    collectorId: z.string().optional(),
    mergedInto: idOf('dbt').optional().meta({
      description:
        'Set once this debtor was merged into another: its records live there now (`Location` names it)',
    }),
    mergeId: idOf('mrg').optional().meta({ description: 'The merge that set `mergedInto`' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    balances: z
      .array(balance)
      .optional()
      .meta({ description: 'Per currency; never summed across currencies' }),
    aging: z
      .array(aging)
      .optional()
      .meta({ description: 'Aging buckets per currency, as of today in the debtor time zone' }),
    credits: z
      .array(z.object({ currency: currencyCode, amount: minorUnits }))
      .optional()
      .meta({ description: 'Unapplied credit per currency, applied to the next invoice' }),
    asOf: calendarDate.optional(),
    charges: z
      .array(z.object({ currency: currencyCode, owed: minorUnits }))
      .optional()
      .meta({
        description: 'Interest, compensation and fees claimed and still owed, apart from the balances',
      }),
    riskScore: z.number().int().min(0).max(100).nullable().optional().meta({
      description:
        '0–100, higher is riskier: the highest of the per-currency scores; null when nothing is owed',
    }),
    risk: z
      .array(
        z.object({
          currency: currencyCode,
          score: z.number().int(),
          modelVersion: z.string(),
          factors: z.array(
            z.object({
              name: z.string(),
              weight: z.number(),
              value: z.number().nullable(),
              contribution: z.number(),
              explanation: z.string(),
            }),
          ),
        }),
      )
      .optional()
      .meta({ description: 'Explainable risk per currency owed' }),
  })
  .meta({ id: 'Debtor' });

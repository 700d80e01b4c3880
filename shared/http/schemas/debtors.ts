import * as z from 'zod/mini';
import { withMeta } from '../../zod';
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
  industryCode: z.optional(shortText(16)),
  size: z.optional(z.enum(['micro', 'small', 'medium', 'large', 'enterprise'])),
});

/** Where letters go. */
const postalAddress = z.strictObject({
  lines: z.array(shortText(100)).check(z.minLength(1), z.maxLength(4)),
  locality: shortText(100),
  region: z.optional(shortText(100)),
  postalCode: z.optional(shortText(20)),
  country: z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as US')),
});

const email = z.email().check(z.maxLength(254));
const language = withMeta(z.enum(MESSAGE_LANGUAGES), {
  description:
    "The language the debtor is written to in; by default the country's (German for DE, AT, CH, LI, LU)",
});
const collectorId = withMeta(shortText(128), {
  description: 'The assigned collector: a user id (sub) of the tenant',
});
const taxId = withMeta(shortText(40), {
  description: 'Tax or registration id (VAT number, EIN, company number); compared for duplicates',
});
const phone = z
  .string()
  .check(z.regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +12125550100'));

export const createDebtorBody = withMeta(
  z.strictObject({
    name: shortText(200),
    kind: z.enum(['person', 'business']),
    email: z.optional(email),
    phone: z.optional(phone),
    postalAddress: z.optional(postalAddress),
    timezone: timeZone,
    jurisdiction,
    language: z.optional(language),
    externalRef: z.optional(shortText(100)),
    taxId: z.optional(taxId),
    segment: z.optional(segment),
    creditScore: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1000))),
    collectorId: z.optional(collectorId),
  }),
  { id: 'CreateDebtor' },
);

/** PATCH: every field optional; `null` clears an optional field. */
export const updateDebtorBody = withMeta(
  z
    .strictObject({
      name: z.optional(shortText(200)),
      kind: z.optional(z.enum(['person', 'business'])),
      email: z.optional(z.nullable(email)),
      phone: z.optional(z.nullable(phone)),
      postalAddress: z.optional(z.nullable(postalAddress)),
      timezone: z.optional(timeZone),
      jurisdiction: z.optional(jurisdiction),
      language: z.optional(z.nullable(language)),
      externalRef: z.optional(z.nullable(shortText(100))),
      taxId: z.optional(z.nullable(taxId)),
      segment: z.optional(z.nullable(segment)),
      creditScore: z.optional(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(1000)))),
      collectorId: z.optional(z.nullable(collectorId)),
    })
    .check(z.refine((body) => Object.keys(body).length > 0, 'must change at least one field')),
  { id: 'UpdateDebtor' },
);

export const listDebtorsQuery = z.strictObject({
  ...pageQuery,
  search: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
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

export const debtorView = withMeta(
  z.object({
    id: idOf('dbt'),
    name: z.string(),
    kind: z.enum(['person', 'business']),
    email: z.optional(z.string()),
    phone: z.optional(z.string()),
    postalAddress: z.optional(postalAddress),
    timezone: z.string(),
    jurisdiction: z.string(),
    language: z.optional(z.enum(MESSAGE_LANGUAGES)),
    externalRef: z.optional(z.string()),
    taxId: z.optional(z.string()),
    segment: z.optional(segment),
    creditScore: z.optional(z.number()),
    creditReport: withMeta(
      z.optional(
        z.object({
          id: idOf('crp'),
          bureau: z.string(),
          fetchedAt: z.string(),
          ratingBand: z.nullable(z.string()),
          normalisedScore: z.nullable(z.number().check(z.int())),
          daysBeyondTerms: z.nullable(z.number()),
          paymentIndex: z.nullable(z.number()),
          insolvency: z.boolean(),
          creditScore: z.nullable(z.number().check(z.int())),
          refreshFailed: withMeta(z.optional(z.object({ at: z.string(), reason: z.string() })), {
            description: 'The last scheduled refresh that got no report, and why',
          }),
        }),
      ),
      { description: 'The latest credit report (POST /v1/debtors/{id}/credit-check) in brief' },
    ),
    collectorId: z.optional(z.string()),
    mergedInto: withMeta(z.optional(idOf('dbt')), {
      description:
        'Set once this debtor was merged into another: its records live there now (`Location` names it)',
    }),
    mergeId: withMeta(z.optional(idOf('mrg')), { description: 'The merge that set `mergedInto`' }),
    version: z.number().check(z.int()),
    createdAt: z.string(),
    updatedAt: z.string(),
    balances: withMeta(z.optional(z.array(balance)), {
      description: 'Per currency; never summed across currencies',
    }),
    aging: withMeta(z.optional(z.array(aging)), {
      description: 'Aging buckets per currency, as of today in the debtor time zone',
    }),
    credits: withMeta(z.optional(z.array(z.object({ currency: currencyCode, amount: minorUnits }))), {
      description: 'Unapplied credit per currency, applied to the next invoice',
    }),
    asOf: z.optional(calendarDate),
    charges: withMeta(z.optional(z.array(z.object({ currency: currencyCode, owed: minorUnits }))), {
      description: 'Interest, compensation and fees claimed and still owed, apart from the balances',
    }),
    riskScore: withMeta(z.optional(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(100)))), {
      description:
        '0–100, higher is riskier: the highest of the per-currency scores; null when nothing is owed',
    }),
    risk: withMeta(
      z.optional(
        z.array(
          z.object({
            currency: currencyCode,
            score: z.number().check(z.int()),
            modelVersion: z.string(),
            factors: z.array(
              z.object({
                name: z.string(),
                weight: z.number(),
                value: z.nullable(z.number()),
                contribution: z.number(),
                explanation: z.string(),
              }),
            ),
          }),
        ),
      ),
      { description: 'Explainable risk per currency owed' },
    ),
  }),
  { id: 'Debtor' },
);

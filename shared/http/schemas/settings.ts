import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { isCurrencyCode } from '../../domain/money/currencies';
import { currencyCode, minorUnits, timeZone } from './common';

const timeOfDay = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM'));

/** The tenant's own contact rules: composed with the law, so they can only tighten it. */
const contactRules = withMeta(
  z.strictObject({
    hours: z.optional(
      z
        .strictObject({ from: timeOfDay, to: timeOfDay })
        .check(
          z.refine((hours) => hours.from < hours.to, { message: 'must end after it starts', path: ['to'] }),
        ),
    ),
    weekdays: withMeta(
      z.optional(z.array(z.int().check(z.gte(1), z.lte(7))).check(z.minLength(1), z.maxLength(7))),
      { description: '1 = Monday … 7 = Sunday' },
    ),
    caps: z.optional(
      z
        .array(
          z.strictObject({
            channels: z.array(z.enum(['call', 'sms', 'email'])).check(z.minLength(1)),
            maxAttempts: z.int().check(z.gte(0), z.lte(100)),
            periodDays: z.int().check(z.gte(1), z.lte(30)),
            automatedOnly: withMeta(z.optional(z.boolean()), {
              description: 'Count and limit only what the system sends (workflow steps, schedules)',
            }),
          }),
        )
        .check(z.maxLength(10)),
    ),
    quietAfterConversationDays: z.optional(z.int().check(z.gte(1), z.lte(30))),
  }),
  { id: 'TenantContactRules' },
);

const collector = z.strictObject({
  id: withMeta(z.string().check(z.minLength(1), z.maxLength(128)), {
    description: "The user's sub; debtors name it as collectorId",
  }),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  email: z.email().check(z.maxLength(254)),
  dailyCapacity: withMeta(z.int().check(z.gte(0), z.lte(500)), { description: 'Worklist items a day' }),
  role: z.optional(z.enum(['collector', 'manager'])),
});

const alerts = z.strictObject({
  daysBeforeDue: withMeta(z.array(z.int().check(z.gte(1), z.lte(60))).check(z.maxLength(5)), {
    description: 'Days before the due date on which the collector is warned',
  }),
  managerEmails: z.array(z.email().check(z.maxLength(254))).check(z.maxLength(20)),
});

const selfServicePlans = withMeta(
  z.strictObject({
    maxInstallments: z.int().check(z.gte(1), z.lte(60)),
    frequencies: z.array(z.enum(['weekly', 'monthly'])).check(z.minLength(1), z.maxLength(2)),
    maxDaysToFirstInstallment: z.int().check(z.gte(0), z.lte(90)),
    minInstallment: z.optional(
      z.record(z.string().check(z.refine(isCurrencyCode, 'must be an ISO 4217 currency code')), minorUnits),
    ),
  }),
  { description: 'Payment plans debtors may agree on their own in the portal' },
);

const creditChecks = withMeta(z.strictObject({ refreshAfterDays: z.int().check(z.gte(7), z.lte(366)) }), {
  description:
    "Reports older than this are ordered again when the tenant's day begins (at most 50 a day; each is billed)",
});

export const settingsBody = withMeta(
  z.strictObject({
    timezone: timeZone,
    baseCurrency: z.optional(currencyCode),
    approvalThresholds: withMeta(
      z._default(
        z.record(z.string().check(z.refine(isCurrencyCode, 'must be an ISO 4217 currency code')), minorUnits),
        {},
      ),
      {
        description: 'Write-offs and credit notes above these amounts (minor units) need a second approver',
      },
    ),
    contactRules: z.optional(contactRules),
    collectors: z.optional(
      z.array(collector).check(
        z.maxLength(500),
        z.refine((list) => new Set(list.map((entry) => entry.id)).size === list.length, 'ids must be unique'),
      ),
    ),
    alerts: z.optional(alerts),
    selfServicePlans: z.optional(selfServicePlans),
    creditChecks: z.optional(creditChecks),
  }),
  { id: 'TenantSettings' },
);

export const settingsView = withMeta(
  z.object({
    timezone: z.string(),
    baseCurrency: z.optional(z.string()),
    approvalThresholds: z.record(z.string(), minorUnits),
    contactRules: z.optional(contactRules),
    collectors: z.optional(z.array(collector)),
    alerts: z.optional(alerts),
    selfServicePlans: z.optional(selfServicePlans),
    creditChecks: z.optional(creditChecks),
    version: z.number().check(z.int()),
    updatedAt: z.optional(z.string()),
    updatedBy: z.optional(z.string()),
  }),
  { id: 'Settings' },
);

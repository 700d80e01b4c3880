import * as z from 'zod';
import { isCurrencyCode } from '../../domain/money/currencies';
import { currencyCode, minorUnits, timeZone } from './common';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM');

/** The tenant's own contact rules: composed with the law, so they can only tighten it. */
const contactRules = z
  .strictObject({
    hours: z
      .strictObject({ from: timeOfDay, to: timeOfDay })
      .refine((hours) => hours.from < hours.to, { message: 'must end after it starts', path: ['to'] })
      .optional(),
    weekdays: z
      .array(z.int().min(1).max(7))
      .min(1)
      .max(7)
      .optional()
      .meta({ description: '1 = Monday … 7 = Sunday' }),
    caps: z
      .array(
        z.strictObject({
          channels: z.array(z.enum(['call', 'sms', 'email'])).min(1),
          maxAttempts: z.int().min(0).max(100),
          periodDays: z.int().min(1).max(30),
          automatedOnly: z.boolean().optional().meta({
            description: 'Count and limit only what the system sends (workflow steps, schedules)',
          }),
        }),
      )
      .max(10)
      .optional(),
    quietAfterConversationDays: z.int().min(1).max(30).optional(),
  })
  .meta({ id: 'TenantContactRules' });

const collector = z.strictObject({
  id: z.string().min(1).max(128).meta({ description: "The user's sub; debtors name it as collectorId" }),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  dailyCapacity: z.int().min(0).max(500).meta({ description: 'Worklist items a day' }),
  role: z.enum(['collector', 'manager']).optional(),
});

const alerts = z.strictObject({
  daysBeforeDue: z
    .array(z.int().min(1).max(60))
    .max(5)
    .meta({ description: 'Days before the due date on which the collector is warned' }),
  managerEmails: z.array(z.email().max(254)).max(20),
});

const selfServicePlans = z
  .strictObject({
    maxInstallments: z.int().min(1).max(60),
    frequencies: z
      .array(z.enum(['weekly', 'monthly']))
      .min(1)
      .max(2),
    maxDaysToFirstInstallment: z.int().min(0).max(90),
    minInstallment: z
      .record(z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code'), minorUnits)
      .optional(),
  })
  .meta({ description: 'Payment plans debtors may agree on their own in the portal' });

const creditChecks = z.strictObject({ refreshAfterDays: z.int().min(7).max(366) }).meta({
  description:
    "Reports older than this are ordered again when the tenant's day begins (at most 50 a day; each is billed)",
});

export const settingsBody = z
  .strictObject({
    timezone: timeZone,
    baseCurrency: currencyCode.optional(),
    approvalThresholds: z
      .record(z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code'), minorUnits)
      .default({})
      .meta({
        description: 'Write-offs and credit notes above these amounts (minor units) need a second approver',
      }),
    contactRules: contactRules.optional(),
    collectors: z
      .array(collector)
      .max(500)
      .refine((list) => new Set(list.map((entry) => entry.id)).size === list.length, 'ids must be unique')
      .optional(),
    alerts: alerts.optional(),
    selfServicePlans: selfServicePlans.optional(),
    creditChecks: creditChecks.optional(),
  })
  .meta({ id: 'TenantSettings' });

export const settingsView = z
  .object({
    timezone: z.string(),
    baseCurrency: z.string().optional(),
    approvalThresholds: z.record(z.string(), minorUnits),
    contactRules: contactRules.optional(),
    collectors: z.array(collector).optional(),
    alerts: alerts.optional(),
    selfServicePlans: selfServicePlans.optional(),
    creditChecks: creditChecks.optional(),
    version: z.number().int(),
    updatedAt: z.string().optional(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'Settings' });

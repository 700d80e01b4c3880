import * as z from 'zod';
import {
  DEBTOR_SIZES,
  MAX_OFFSET_DAYS,
  MAX_SEND_HOUR,
  MAX_STEPS,
  MIN_OFFSET_DAYS,
  MIN_SEND_HOUR,
  NOTICE_CHANNELS,
  POLICY_ACTIONS,
} from '../../domain/policies/policy';
import { BUILTIN_DEFAULT_POLICY_ID } from '../../domain/policies/default-cadence';
import { calendarDate, currencyCode, idOf, minorUnits, pageQuery, shortText } from './common';

/** A policy id, or the built-in default every tenant can read. */
export const policyParams = z.strictObject({
  id: z
    .string()
    .regex(
      new RegExp(`^(pol_[0-9A-HJKMNP-TV-Z]{26}|${BUILTIN_DEFAULT_POLICY_ID})$`),
      `must be a pol_ id or ${BUILTIN_DEFAULT_POLICY_ID}`,
    )
    .meta({ example: 'pol_01JD7X2M4K8Q9R3S5T6V7W8X9Y' }),
});

const action = z.enum(POLICY_ACTIONS).meta({
  description: 'voice = an automated call reading the reminder out; the compliance gate counts it as a call',
});
const riskBound = z.number().int().min(0).max(100);

const step = z
  .strictObject({
    offsetDays: z
      .number()
      .int('must be a whole number of days')
      .min(MIN_OFFSET_DAYS)
      .max(MAX_OFFSET_DAYS)
      .meta({ description: 'Days relative to the due date; negative = before it' }),
    action,
    template: shortText(100).optional(),
    channels: z
      .array(z.enum(NOTICE_CHANNELS))
      .min(1)
      .max(NOTICE_CHANNELS.length)
      .optional()
      .meta({ description: 'final_notice only; default email and letter' }),
    assignee: z
      .enum(['collector', 'manager'])
      .optional()
      .meta({ description: 'call_task only; default collector' }),
    handoffTo: z.enum(['agency', 'legal']).optional().meta({ description: 'handoff only; default agency' }),
  })
  .meta({ id: 'PolicyStep' });

const segment = z
  .strictObject({
    kind: z.enum(['person', 'business']).optional(),
    industryCodes: z.array(shortText(16)).min(1).max(100).optional(),
    sizes: z.array(z.enum(DEBTOR_SIZES)).min(1).optional(),
    balanceBand: z
      .strictObject({ currency: currencyCode, min: minorUnits.optional(), max: minorUnits.optional() })
      .optional()
      .meta({ description: 'Outstanding in this currency, minor units, bounds inclusive' }),
    riskScore: z.strictObject({ min: riskBound.optional(), max: riskBound.optional() }).optional(),
  })
  .meta({
    id: 'PolicySegment',
    description: 'Debtors the policy is for: every dimension given must match; the most specific wins',
  });

export const policyBody = z
  .strictObject({
    name: shortText(200),
    appliesTo: segment.optional().meta({ description: "Omitted: the tenant's default policy" }),
    steps: z.array(step).min(1).max(MAX_STEPS),
    sendHour: z
      .number()
      .int()
      .min(MIN_SEND_HOUR)
      .max(MAX_SEND_HOUR)
      .optional()
      .meta({ description: "Local hour in the debtor's time zone the reminders go out; default 10" }),
  })
  .meta({ id: 'PolicyInput' });

export const getPolicyQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const listPoliciesQuery = z.strictObject({ ...pageQuery });

export const policyView = z
  .object({
    id: z.string(),
    name: z.string(),
    appliesTo: segment.optional(),
    steps: z.array(step),
    sendHour: z.number().int().optional(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'Policy' });

export const applicablePolicyView = z
  .object({
    debtorId: idOf('dbt'),
    asOf: calendarDate,
    policyId: z.string(),
    version: z.number().int(),
    reason: z.enum(['segment', 'tenant_default', 'builtin_default']),
    matchedOn: z
      .array(z.enum(['kind', 'industryCodes', 'sizes', 'balanceBand', 'riskScore']))
      .meta({ description: "The dimensions of the policy's appliesTo, all matched by the debtor" }),
    explanation: z.string(),
    facts: z
      .object({
        kind: z.enum(['person', 'business']),
        industryCode: z.string().optional(),
        size: z.enum(DEBTOR_SIZES).optional(),
        balances: z.array(z.object({ currency: currencyCode, outstanding: minorUnits })),
        riskScore: z.number().int().optional(),
      })
      .meta({ description: 'What the choice was made on, as of today in the debtor time zone' }),
    policy: policyView,
  })
  .meta({ id: 'ApplicablePolicy' });

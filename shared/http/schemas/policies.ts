import * as z from 'zod/mini';
import { withMeta } from '../../zod';
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
  id: withMeta(
    z
      .string()
      .check(
        z.regex(
          new RegExp(`^(pol_[0-9A-HJKMNP-TV-Z]{26}|${BUILTIN_DEFAULT_POLICY_ID})$`),
          `must be a pol_ id or ${BUILTIN_DEFAULT_POLICY_ID}`,
        ),
      ),
    { example: 'pol_01JD7X2M4K8Q9R3S5T6V7W8X9Y' },
  ),
});

const action = withMeta(z.enum(POLICY_ACTIONS), {
  description: 'voice = an automated call reading the reminder out; the compliance gate counts it as a call',
});
const riskBound = z.number().check(z.int(), z.gte(0), z.lte(100));

const step = withMeta(
  z.strictObject({
    offsetDays: withMeta(
      z
        .number()
        .check(z.int('must be a whole number of days'), z.gte(MIN_OFFSET_DAYS), z.lte(MAX_OFFSET_DAYS)),
      { description: 'Days relative to the due date; negative = before it' },
    ),
    action,
    template: z.optional(shortText(100)),
    channels: withMeta(
      z.optional(z.array(z.enum(NOTICE_CHANNELS)).check(z.minLength(1), z.maxLength(NOTICE_CHANNELS.length))),
      { description: 'final_notice only; default email and letter' },
    ),
    assignee: withMeta(z.optional(z.enum(['collector', 'manager'])), {
      description: 'call_task only; default collector',
    }),
    handoffTo: withMeta(z.optional(z.enum(['agency', 'legal'])), {
      description: 'handoff only; default agency',
    }),
  }),
  { id: 'PolicyStep' },
);

const segment = withMeta(
  z.strictObject({
    kind: z.optional(z.enum(['person', 'business'])),
    industryCodes: z.optional(z.array(shortText(16)).check(z.minLength(1), z.maxLength(100))),
    sizes: z.optional(z.array(z.enum(DEBTOR_SIZES)).check(z.minLength(1))),
    balanceBand: withMeta(
      z.optional(
        z.strictObject({ currency: currencyCode, min: z.optional(minorUnits), max: z.optional(minorUnits) }),
      ),
      { description: 'Outstanding in this currency, minor units, bounds inclusive' },
    ),
    riskScore: z.optional(z.strictObject({ min: z.optional(riskBound), max: z.optional(riskBound) })),
  }),
  {
    id: 'PolicySegment',
    description: 'Debtors the policy is for: every dimension given must match; the most specific wins',
  },
);

export const policyBody = withMeta(
  z.strictObject({
    name: shortText(200),
    appliesTo: withMeta(z.optional(segment), { description: "Omitted: the tenant's default policy" }),
    steps: z.array(step).check(z.minLength(1), z.maxLength(MAX_STEPS)),
    sendHour: withMeta(z.optional(z.number().check(z.int(), z.gte(MIN_SEND_HOUR), z.lte(MAX_SEND_HOUR))), {
      description: "Local hour in the debtor's time zone the reminders go out; default 10",
    }),
  }),
  { id: 'PolicyInput' },
);

export const getPolicyQuery = z.strictObject({
  version: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(Number.MAX_SAFE_INTEGER))),
});

export const listPoliciesQuery = z.strictObject({ ...pageQuery });

export const policyView = withMeta(
  z.object({
    id: z.string(),
    name: z.string(),
    appliesTo: z.optional(segment),
    steps: z.array(step),
    sendHour: z.optional(z.number().check(z.int())),
    version: z.number().check(z.int()),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.optional(z.string()),
  }),
  { id: 'Policy' },
);

export const applicablePolicyView = withMeta(
  z.object({
    debtorId: idOf('dbt'),
    asOf: calendarDate,
    policyId: z.string(),
    version: z.number().check(z.int()),
    reason: z.enum(['segment', 'tenant_default', 'builtin_default']),
    matchedOn: withMeta(z.array(z.enum(['kind', 'industryCodes', 'sizes', 'balanceBand', 'riskScore'])), {
      description: "The dimensions of the policy's appliesTo, all matched by the debtor",
    }),
    explanation: z.string(),
    facts: withMeta(
      z.object({
        kind: z.enum(['person', 'business']),
        industryCode: z.optional(z.string()),
        size: z.optional(z.enum(DEBTOR_SIZES)),
        balances: z.array(z.object({ currency: currencyCode, outstanding: minorUnits })),
        riskScore: z.optional(z.number().check(z.int())),
      }),
      { description: 'What the choice was made on, as of today in the debtor time zone' },
    ),
    policy: policyView,
  }),
  { id: 'ApplicablePolicy' },
);

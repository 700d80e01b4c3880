import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { CONTACT_CHANNELS } from '../../domain/compliance/contact-channel';
import { calendarDate, jurisdiction, shortText, timeZone } from './common';

const flags = z.strictObject({
  email: z.optional(z.boolean()),
  sms: z.optional(z.boolean()),
  call: z.optional(z.boolean()),
});

const standing = z.strictObject({
  cease: z.optional(z.boolean()),
  optOut: z.optional(flags),
  consent: z.optional(flags),
  doNotCall: z.optional(z.boolean()),
  bankruptcy: z.optional(z.boolean()),
  deceased: z.optional(z.boolean()),
  attorneyRepresented: z.optional(z.boolean()),
  allDebtDisputed: z.optional(z.boolean()),
  timeBarred: z.optional(z.boolean()),
});

const simulatedDebtor = z.strictObject({
  ref: z.optional(shortText(100)),
  kind: z.enum(['person', 'business']),
  jurisdiction,
  timezone: withMeta(z.optional(timeZone), { description: 'Unknown: every zone of the jurisdiction' }),
  dueDate: calendarDate,
  reachable: z.optional(
    z.strictObject({
      call: z.optional(z.boolean()),
      sms: z.optional(z.boolean()),
      email: z.optional(z.boolean()),
      letter: z.optional(z.boolean()),
    }),
  ),
  standing: z.optional(standing),
  events: withMeta(
    z.optional(
      z
        .array(z.strictObject({ day: z.int().check(z.gte(0), z.lte(366)), change: standing }))
        .check(z.maxLength(50)),
    ),
    { description: 'Changes of standing on a day of the simulation (0 = its first day)' },
  ),
  answersCalls: withMeta(z.optional(z.array(z.int().check(z.gte(0), z.lte(100))).check(z.maxLength(100))), {
    description: 'Which calls (0-based) reach the debtor',
  }),
});

export const simulatePolicyBody = withMeta(
  z
    .strictObject({
      version: withMeta(z.optional(z.int().check(z.gte(1))), {
        description: 'Policy version; the current one when absent',
      }),
      from: withMeta(z.optional(calendarDate), {
        description: "First simulated day; today in the tenant's zone when absent",
      }),
      days: z.int().check(z.gte(1), z.lte(366)),
      debtors: z.optional(z.array(simulatedDebtor).check(z.minLength(1), z.maxLength(1000))),
      sample: z.optional(
        z.strictObject({
          count: z.int().check(z.gte(1), z.lte(10_000)),
          seed: z.optional(z.int().check(z.gte(0), z.lte(2 ** 31))),
          kind: z.optional(z.enum(['person', 'business'])),
        }),
      ),
      includeContacts: z.optional(z.boolean()),
    })
    .check(
      z.refine((body) => (body.debtors === undefined) !== (body.sample === undefined), {
        message: 'give either debtors or a sample, not both',
        path: ['debtors'],
      }),
    ),
  { id: 'SimulatePolicy' },
);

const contact = z.object({
  debtor: z.string(),
  step: z.int(),
  action: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  plannedAt: z.string(),
  sentAt: z.optional(z.string()),
  deferredFor: z.array(z.string()),
  blockedFor: z.optional(z.array(z.string())),
});

export const policySimulationView = withMeta(
  z.object({
    policy: z.object({ id: z.string(), version: z.int(), name: z.string() }),
    from: z.string(),
    days: z.int(),
    debtors: z.int(),
    lawful: withMeta(z.boolean(), {
      description: 'No contact that went out broke a rule (the audit found nothing)',
    }),
    summary: z.object({
      planned: z.int(),
      sent: z.int(),
      sentOnTime: z.int(),
      deferred: z.int(),
      waiting: z.int(),
      byChannel: z.record(z.string(), z.int()),
      wouldHaveBroken: withMeta(z.record(z.string(), z.int()), {
        description: 'Rules the cadence as written would have broken, with counts',
      }),
    }),
    breaches: z.array(
      z.object({ debtor: z.string(), contact: z.int(), rule: z.string(), message: z.string() }),
    ),
    handoffs: z.int(),
    contacts: z.array(contact),
    contactsTruncated: z.boolean(),
  }),
  { id: 'PolicySimulation' },
);

import * as z from 'zod';
import { CONTACT_CHANNELS } from '../../domain/compliance/contact-channel';
import { calendarDate, jurisdiction, shortText, timeZone } from './common';

const flags = z.strictObject({
  email: z.boolean().optional(),
  sms: z.boolean().optional(),
  call: z.boolean().optional(),
});

const standing = z.strictObject({
  cease: z.boolean().optional(),
  optOut: flags.optional(),
  consent: flags.optional(),
  doNotCall: z.boolean().optional(),
  bankruptcy: z.boolean().optional(),
  deceased: z.boolean().optional(),
  attorneyRepresented: z.boolean().optional(),
  allDebtDisputed: z.boolean().optional(),
  timeBarred: z.boolean().optional(),
});

const simulatedDebtor = z.strictObject({
  ref: shortText(100).optional(),
  kind: z.enum(['person', 'business']),
  jurisdiction,
  timezone: timeZone.optional().meta({ description: 'Unknown: every zone of the jurisdiction' }),
  dueDate: calendarDate,
  reachable: z
    .strictObject({
      call: z.boolean().optional(),
      sms: z.boolean().optional(),
      email: z.boolean().optional(),
      letter: z.boolean().optional(),
    })
    .optional(),
  standing: standing.optional(),
  events: z
    .array(z.strictObject({ day: z.int().min(0).max(366), change: standing }))
    .max(50)
    .optional()
    .meta({ description: 'Changes of standing on a day of the simulation (0 = its first day)' }),
  answersCalls: z
    .array(z.int().min(0).max(100))
    .max(100)
    .optional()
    .meta({ description: 'Which calls (0-based) reach the debtor' }),
});

export const simulatePolicyBody = z
  .strictObject({
    version: z.int().min(1).optional().meta({ description: 'Policy version; the current one when absent' }),
    from: calendarDate
      .optional()
      .meta({ description: "First simulated day; today in the tenant's zone when absent" }),
    days: z.int().min(1).max(366),
    debtors: z.array(simulatedDebtor).min(1).max(1000).optional(),
    sample: z
      .strictObject({
        count: z.int().min(1).max(10_000),
        seed: z
          .int()
          .min(0)
          .max(2 ** 31)
          .optional(),
        kind: z.enum(['person', 'business']).optional(),
      })
      .optional(),
    includeContacts: z.boolean().optional(),
  })
  .refine((body) => (body.debtors === undefined) !== (body.sample === undefined), {
    message: 'give either debtors or a sample, not both',
    path: ['debtors'],
  })
  .meta({ id: 'SimulatePolicy' });

const contact = z.object({
  debtor: z.string(),
  step: z.int(),
  action: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  plannedAt: z.string(),
  sentAt: z.string().optional(),
  deferredFor: z.array(z.string()),
  blockedFor: z.array(z.string()).optional(),
});

export const policySimulationView = z
  .object({
    policy: z.object({ id: z.string(), version: z.int(), name: z.string() }),
    from: z.string(),
    days: z.int(),
    debtors: z.int(),
    lawful: z
      .boolean()
      .meta({ description: 'No contact that went out broke a rule (the audit found nothing)' }),
    summary: z.object({
      planned: z.int(),
      sent: z.int(),
      sentOnTime: z.int(),
      deferred: z.int(),
      waiting: z.int(),
      byChannel: z.record(z.string(), z.int()),
      wouldHaveBroken: z
        .record(z.string(), z.int())
        .meta({ description: 'Rules the cadence as written would have broken, with counts' }),
    }),
    breaches: z.array(
      z.object({ debtor: z.string(), contact: z.int(), rule: z.string(), message: z.string() }),
    ),
    handoffs: z.int(),
    contacts: z.array(contact),
    contactsTruncated: z.boolean(),
  })
  .meta({ id: 'PolicySimulation' });

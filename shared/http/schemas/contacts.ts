import * as z from 'zod';
import { ACTIVITY_TYPES, CALL_OUTCOMES } from '../../domain/activities/activity';
import { DELIVERY_STATUSES } from '../../domain/messaging/delivery';
import { CONTACT_CHANNELS, CONTACT_PURPOSES } from '../../domain/compliance/contact-channel';
import { idOf, instant, pageQuery } from './common';

const channel = z.enum(CONTACT_CHANNELS);
const purpose = z.enum(CONTACT_PURPOSES);

export const contactCheckQuery = z.strictObject({
  channel,
  at: instant.optional().meta({ description: 'Instant to check; now when absent' }),
  purpose: purpose.optional(),
  sender: z.enum(['person', 'system']).optional().meta({
    description:
      'Who would make the contact: a person (default) or the system (a workflow step or schedule), to which the caps on automated messages apply too',
  }),
});

const suppression = z.object({
  address: z.string(),
  reason: z.enum(['bounced', 'complained', 'failed']),
  at: z.string(),
});

const refusal = z.object({
  code: z.string(),
  message: z.string(),
  rule: z.string().optional().meta({ description: 'Rule pack and citation' }),
});

export const contactDecisionView = z
  .object({
    channel,
    at: z.string(),
    allowed: z.boolean(),
    reasons: z.array(refusal),
    nextAllowedAt: z.string().nullable().meta({
      description: 'First instant the contact would be allowed; null when waiting alone cannot allow it',
    }),
    obligations: z
      .array(z.string())
      .meta({ description: 'What the message must carry (opt-out, validation notice…)' }),
    rulePacks: z.array(z.string()),
    timezones: z.array(z.string()),
  })
  .meta({ id: 'ContactDecision' });

const channelFlags = z.strictObject({
  email: z.boolean().optional(),
  sms: z.boolean().optional(),
  call: z.boolean().optional(),
});

export const contactPreferencesBody = z
  .strictObject({
    cease: z.boolean().optional().meta({ description: 'Cease-communication request' }),
    optOut: channelFlags.optional(),
    consent: channelFlags
      .optional()
      .meta({ description: 'Recorded consent per channel (texts to US consumers need it)' }),
    doNotCall: z.boolean().optional(),
    bankruptcy: z.boolean().optional(),
    deceased: z.boolean().optional(),
    attorneyRepresented: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'must set at least one preference')
  .meta({ id: 'ContactPreferencesChange', description: 'Fields left out keep their value' });

export const contactPreferencesView = z
  .object({
    debtorId: idOf('dbt'),
    cease: z.boolean(),
    optOut: channelFlags,
    consent: channelFlags,
    doNotCall: z.boolean(),
    bankruptcy: z.boolean(),
    deceased: z.boolean(),
    attorneyRepresented: z.boolean(),
    suppressed: z
      .object({ email: suppression.optional(), sms: suppression.optional() })
      .optional()
      .meta({ description: 'Addresses the provider reported undeliverable; a new address lifts it' }),
    firstContactAt: z.string().optional(),
    validationNoticeSentAt: z.string().optional(),
    lastContactAt: z.string().optional(),
    version: z.number().int(),
    updatedAt: z.string().optional(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'ContactPreferences' });

export const logActivityBody = z
  .strictObject({
    type: z.enum(ACTIVITY_TYPES),
    direction: z
      .enum(['outbound', 'inbound'])
      .optional()
      .meta({ description: 'Default outbound (not for notes)' }),
    outcome: z
      .enum(CALL_OUTCOMES)
      .optional()
      .meta({ description: 'Calls only; conversation = the debtor was reached' }),
    purpose: purpose.optional(),
    at: instant.optional().meta({ description: 'When it happened; now when absent' }),
    text: z.string().trim().max(4000).optional(),
  })
  .refine((body) => body.type !== 'note' || body.direction === undefined, {
    message: 'a note has no direction',
    path: ['direction'],
  })
  .meta({ id: 'LogActivity' });

export const activityView = z
  .object({
    id: idOf('act'),
    debtorId: idOf('dbt'),
    type: z.enum(ACTIVITY_TYPES),
    direction: z.enum(['outbound', 'inbound']).optional(),
    outcome: z.enum(CALL_OUTCOMES).optional(),
    purpose: purpose.optional(),
    at: z.string(),
    text: z.string().optional(),
    source: z.enum(['person', 'system']),
    status: z.enum(['done', 'refused']),
    compliance: z.object({ allowed: z.boolean(), reasons: z.array(refusal) }).optional(),
    delivery: z
      .object({ status: z.enum(DELIVERY_STATUSES), at: z.string(), failure: z.string().optional() })
      .optional()
      .meta({ description: 'What the provider last reported of the message this contact sent' }),
    loggedBy: z.string(),
    loggedAt: z.string(),
  })
  .meta({ id: 'Activity' });

export const listActivitiesQuery = z.strictObject({ ...pageQuery });

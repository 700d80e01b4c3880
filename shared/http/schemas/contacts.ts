import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { ACTIVITY_TYPES, CALL_OUTCOMES } from '../../domain/activities/activity';
import { DELIVERY_STATUSES } from '../../domain/messaging/delivery';
import { CONTACT_CHANNELS, CONTACT_PURPOSES } from '../../domain/compliance/contact-channel';
import { idOf, instant, pageQuery } from './common';

const channel = z.enum(CONTACT_CHANNELS);
const purpose = z.enum(CONTACT_PURPOSES);

export const contactCheckQuery = z.strictObject({
  channel,
  at: withMeta(z.optional(instant), { description: 'Instant to check; now when absent' }),
  purpose: z.optional(purpose),
  sender: withMeta(z.optional(z.enum(['person', 'system'])), {
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
  rule: withMeta(z.optional(z.string()), { description: 'Rule pack and citation' }),
});

export const contactDecisionView = withMeta(
  z.object({
    channel,
    at: z.string(),
    allowed: z.boolean(),
    reasons: z.array(refusal),
    nextAllowedAt: withMeta(z.nullable(z.string()), {
      description: 'First instant the contact would be allowed; null when waiting alone cannot allow it',
    }),
    obligations: withMeta(z.array(z.string()), {
      description: 'What the message must carry (opt-out, validation notice…)',
    }),
    rulePacks: z.array(z.string()),
    timezones: z.array(z.string()),
  }),
  { id: 'ContactDecision' },
);

const channelFlags = z.strictObject({
  email: z.optional(z.boolean()),
  sms: z.optional(z.boolean()),
  call: z.optional(z.boolean()),
});

export const contactPreferencesBody = withMeta(
  z
    .strictObject({
      cease: withMeta(z.optional(z.boolean()), { description: 'Cease-communication request' }),
      optOut: z.optional(channelFlags),
      consent: withMeta(z.optional(channelFlags), {
        description: 'Recorded consent per channel (texts to US consumers need it)',
      }),
      doNotCall: z.optional(z.boolean()),
      bankruptcy: z.optional(z.boolean()),
      deceased: z.optional(z.boolean()),
      attorneyRepresented: z.optional(z.boolean()),
    })
    .check(z.refine((body) => Object.keys(body).length > 0, 'must set at least one preference')),
  { id: 'ContactPreferencesChange', description: 'Fields left out keep their value' },
);

export const contactPreferencesView = withMeta(
  z.object({
    debtorId: idOf('dbt'),
    cease: z.boolean(),
    optOut: channelFlags,
    consent: channelFlags,
    doNotCall: z.boolean(),
    bankruptcy: z.boolean(),
    deceased: z.boolean(),
    attorneyRepresented: z.boolean(),
    suppressed: withMeta(
      z.optional(z.object({ email: z.optional(suppression), sms: z.optional(suppression) })),
      { description: 'Addresses the provider reported undeliverable; a new address lifts it' },
    ),
    firstContactAt: z.optional(z.string()),
    validationNoticeSentAt: z.optional(z.string()),
    lastContactAt: z.optional(z.string()),
    version: z.number().check(z.int()),
    updatedAt: z.optional(z.string()),
    updatedBy: z.optional(z.string()),
  }),
  { id: 'ContactPreferences' },
);

export const logActivityBody = withMeta(
  z
    .strictObject({
      type: z.enum(ACTIVITY_TYPES),
      direction: withMeta(z.optional(z.enum(['outbound', 'inbound'])), {
        description: 'Default outbound (not for notes)',
      }),
      outcome: withMeta(z.optional(z.enum(CALL_OUTCOMES)), {
        description: 'Calls only; conversation = the debtor was reached',
      }),
      purpose: z.optional(purpose),
      at: withMeta(z.optional(instant), { description: 'When it happened; now when absent' }),
      text: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
    })
    .check(
      z.refine((body) => body.type !== 'note' || body.direction === undefined, {
        message: 'a note has no direction',
        path: ['direction'],
      }),
    ),
  { id: 'LogActivity' },
);

export const activityView = withMeta(
  z.object({
    id: idOf('act'),
    debtorId: idOf('dbt'),
    type: z.enum(ACTIVITY_TYPES),
    direction: z.optional(z.enum(['outbound', 'inbound'])),
    outcome: z.optional(z.enum(CALL_OUTCOMES)),
    purpose: z.optional(purpose),
    at: z.string(),
    text: z.optional(z.string()),
    source: z.enum(['person', 'system']),
    status: z.enum(['done', 'refused']),
    compliance: z.optional(z.object({ allowed: z.boolean(), reasons: z.array(refusal) })),
    delivery: withMeta(
      z.optional(
        z.object({ status: z.enum(DELIVERY_STATUSES), at: z.string(), failure: z.optional(z.string()) }),
      ),
      { description: 'What the provider last reported of the message this contact sent' },
    ),
    loggedBy: z.string(),
    loggedAt: z.string(),
  }),
  { id: 'Activity' },
);

export const listActivitiesQuery = z.strictObject({ ...pageQuery });

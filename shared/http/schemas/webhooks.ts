import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { WEBHOOK_EVENT_TYPES } from '../../domain/webhooks/webhook-event';
import { idOf, pageQuery } from './common';

const eventTypes = withMeta(
  z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .check(z.minLength(1, 'must name at least one event type'), z.maxLength(WEBHOOK_EVENT_TYPES.length)),
  { description: 'The event types delivered to this endpoint' },
);

const url = withMeta(z.string().check(z.maxLength(2048)), {
  description: 'HTTPS URL of the receiver (http://localhost is accepted by the local runtime only)',
  example: 'https://erp.example.com/recoup/events',
});

const description = z.string().check(z.trim(), z.maxLength(500));

export const createWebhookBody = withMeta(
  z.strictObject({ url, eventTypes, description: z.optional(description) }),
  { id: 'CreateWebhook' },
);

export const updateWebhookBody = withMeta(
  z.strictObject({
    url: z.optional(url),
    eventTypes: z.optional(eventTypes),
    description: z.optional(description),
    status: withMeta(z.optional(z.enum(['enabled', 'disabled'])), {
      description: 'Enabling again resets the count of failed deliveries in a row',
    }),
    rotateSecret: withMeta(z.optional(z.boolean()), {
      description: 'A new signing secret, in the answer only; the old one stops signing at once',
    }),
  }),
  { id: 'UpdateWebhook' },
);

export const webhookView = withMeta(
  z.object({
    id: idOf('whk'),
    url: z.string(),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    description: z.optional(z.string()),
    status: z.enum(['enabled', 'disabled']),
    disabledReason: z.optional(z.string()),
    secretRotatedAt: z.optional(z.string()),
    consecutiveFailures: z.int(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    version: z.int(),
  }),
  { id: 'Webhook' },
);

export const webhookWithSecret = withMeta(
  z.extend(webhookView, {
    secret: withMeta(z.string(), {
      description: 'The signing secret (`whsec_…`): shown in this answer only; keep it in your secret store',
    }),
  }),
  { id: 'WebhookWithSecret' },
);

export const updatedWebhook = withMeta(z.partial(webhookWithSecret, { secret: true }), {
  id: 'UpdatedWebhook',
  description: 'The endpoint; with `secret` when it was rotated',
});

export const webhookList = withMeta(z.object({ items: z.array(webhookView), nextCursor: z.null() }), {
  id: 'WebhookList',
});

export const webhookDeliveryParams = z.strictObject({ id: idOf('whk'), deliveryId: idOf('whd') });

export const webhookDeliveriesQuery = z.strictObject({ ...pageQuery });

const attempt = z.object({
  at: z.string(),
  responseStatus: z.optional(z.int()),
  latencyMs: z.int(),
  error: z.optional(z.string()),
  manual: z.optional(z.boolean()),
});

export const webhookDeliveryView = withMeta(
  z.object({
    id: idOf('whd'),
    webhookId: idOf('whk'),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'sending', 'succeeded', 'failed']),
    attempts: z.int(),
    nextAttemptAt: z.optional(z.string()),
    lastResponseStatus: z.nullable(z.int()),
    lastLatencyMs: z.nullable(z.int()),
    log: withMeta(z.array(attempt), { description: 'The latest attempts, oldest first (up to 20)' }),
    createdAt: z.string(),
    completedAt: z.optional(z.string()),
  }),
  { id: 'WebhookDelivery' },
);

export const webhookDeliveryList = withMeta(
  z.object({ items: z.array(webhookDeliveryView), nextCursor: z.nullable(z.string()) }),
  { id: 'WebhookDeliveryList' },
);

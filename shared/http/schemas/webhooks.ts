import * as z from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../domain/webhooks/webhook-event';
import { idOf, pageQuery } from './common';

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, 'must name at least one event type')
  .max(WEBHOOK_EVENT_TYPES.length)
  .meta({ description: 'The event types delivered to this endpoint' });

const url = z.string().max(2048).meta({
  description: 'HTTPS URL of the receiver (http://localhost is accepted by the local runtime only)',
  example: 'https://erp.example.com/recoup/events',
});

const description = z.string().trim().max(500);

export const createWebhookBody = z
  .strictObject({ url, eventTypes, description: description.optional() })
  .meta({ id: 'CreateWebhook' });

export const updateWebhookBody = z
  .strictObject({
    url: url.optional(),
    eventTypes: eventTypes.optional(),
    description: description.optional(),
    status: z
      .enum(['enabled', 'disabled'])
      .optional()
      .meta({ description: 'Enabling again resets the count of failed deliveries in a row' }),
    rotateSecret: z
      .boolean()
      .optional()
      .meta({ description: 'A new signing secret, in the answer only; the old one stops signing at once' }),
  })
  .meta({ id: 'UpdateWebhook' });

export const webhookView = z
  .object({
    id: idOf('whk'),
    url: z.string(),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    description: z.string().optional(),
    status: z.enum(['enabled', 'disabled']),
    disabledReason: z.string().optional(),
    secretRotatedAt: z.string().optional(),
    consecutiveFailures: z.int(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    version: z.int(),
  })
  .meta({ id: 'Webhook' });

export const webhookWithSecret = webhookView
  .extend({
    secret: z.string().meta({
      description: 'The signing secret (`whsec_…`): shown in this answer only; keep it in your secret store',
    }),
  })
  .meta({ id: 'WebhookWithSecret' });

export const updatedWebhook = webhookWithSecret
  .partial({ secret: true })
  .meta({ id: 'UpdatedWebhook', description: 'The endpoint; with `secret` when it was rotated' });

export const webhookList = z
  .object({ items: z.array(webhookView), nextCursor: z.null() })
  .meta({ id: 'WebhookList' });

export const webhookDeliveryParams = z.strictObject({ id: idOf('whk'), deliveryId: idOf('whd') });

export const webhookDeliveriesQuery = z.strictObject({ ...pageQuery });

const attempt = z.object({
  at: z.string(),
  responseStatus: z.int().optional(),
  latencyMs: z.int(),
  error: z.string().optional(),
  manual: z.boolean().optional(),
});

export const webhookDeliveryView = z
  .object({
    id: idOf('whd'),
    webhookId: idOf('whk'),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'sending', 'succeeded', 'failed']),
    attempts: z.int(),
    nextAttemptAt: z.string().optional(),
    lastResponseStatus: z.int().nullable(),
    lastLatencyMs: z.int().nullable(),
    log: z.array(attempt).meta({ description: 'The latest attempts, oldest first (up to 20)' }),
    createdAt: z.string(),
    completedAt: z.string().optional(),
  })
  .meta({ id: 'WebhookDelivery' });

export const webhookDeliveryList = z
  .object({ items: z.array(webhookDeliveryView), nextCursor: z.string().nullable() })
  .meta({ id: 'WebhookDeliveryList' });

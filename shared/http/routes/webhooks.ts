import { defineRoute } from '../route';
import { idParams } from '../schemas/common';
import {
  createWebhookBody,
  updateWebhookBody,
  updatedWebhook,
  webhookDeliveriesQuery,
  webhookDeliveryList,
  webhookDeliveryParams,
  webhookDeliveryView,
  webhookList,
  webhookView,
  webhookWithSecret,
} from '../schemas/webhooks';

/** Webhook endpoints carry a signing secret and reach out of the platform: admins only. */
const ADMIN = { kind: 'jwt', roles: ['admin'] } as const;

export const createWebhook = defineRoute({
  id: 'createWebhook',
  method: 'POST',
  path: '/v1/webhooks',
  handlerEntry: 'functions/api/webhooks/create-webhook.ts',
  summary: 'Subscribe an HTTPS endpoint to events (the signing secret is in this answer only)',
  tag: 'Webhooks',
  auth: ADMIN,
  request: { body: createWebhookBody },
  responses: { 201: { description: 'The endpoint and its signing secret', schema: webhookWithSecret } },
  idempotent: true,
});

export const listWebhooks = defineRoute({
  id: 'listWebhooks',
  method: 'GET',
  path: '/v1/webhooks',
  handlerEntry: 'functions/api/webhooks/list-webhooks.ts',
  summary: "The tenant's webhook endpoints",
  tag: 'Webhooks',
  auth: ADMIN,
  request: {},
  responses: { 200: { description: 'Endpoints, oldest first', schema: webhookList } },
});

export const getWebhook = defineRoute({
  id: 'getWebhook',
  method: 'GET',
  path: '/v1/webhooks/{id}',
  handlerEntry: 'functions/api/webhooks/get-webhook.ts',
  summary: 'A webhook endpoint',
  tag: 'Webhooks',
  auth: ADMIN,
  request: { params: idParams('whk') },
  responses: { 200: { description: 'The endpoint', schema: webhookView } },
});

export const updateWebhook = defineRoute({
  id: 'updateWebhook',
  method: 'PATCH',
  path: '/v1/webhooks/{id}',
  handlerEntry: 'functions/api/webhooks/update-webhook.ts',
  summary: 'Change an endpoint, enable or disable it, or rotate its secret (If-Match)',
  tag: 'Webhooks',
  auth: ADMIN,
  request: { params: idParams('whk'), body: updateWebhookBody },
  responses: {
    200: { description: 'The endpoint; with `secret` when it was rotated', schema: updatedWebhook },
  },
  conditional: true,
});

export const deleteWebhook = defineRoute({
  id: 'deleteWebhook',
  method: 'DELETE',
  path: '/v1/webhooks/{id}',
  handlerEntry: 'functions/api/webhooks/delete-webhook.ts',
  summary: 'Remove an endpoint (its pending deliveries end as failed)',
  tag: 'Webhooks',
  auth: ADMIN,
  request: { params: idParams('whk') },
  responses: { 200: { description: 'The removed endpoint', schema: webhookView } },
});

export const listWebhookDeliveries = defineRoute({
  id: 'listWebhookDeliveries',
  method: 'GET',
  path: '/v1/webhooks/{id}/deliveries',
  handlerEntry: 'functions/api/webhooks/list-webhook-deliveries.ts',
  summary: "An endpoint's delivery log: status, attempts, response codes and latency",
  tag: 'Webhooks',
  auth: ADMIN,
  request: { params: idParams('whk'), query: webhookDeliveriesQuery },
  responses: { 200: { description: 'Deliveries, newest first', schema: webhookDeliveryList } },
});

export const retryWebhookDelivery = defineRoute({
  id: 'retryWebhookDelivery',
  method: 'POST',
  path: '/v1/webhooks/{id}/deliveries/{deliveryId}/retry',
  handlerEntry: 'functions/api/webhooks/retry-webhook-delivery.ts',
  summary: 'Deliver an event again now (after a fix on the receiver, or to replay it)',
  tag: 'Webhooks',
  auth: ADMIN,
  request: { params: webhookDeliveryParams },
  responses: {
    200: { description: 'The delivery, queued for its next attempt', schema: webhookDeliveryView },
  },
  webhookQueue: true,
});

/**
 * Managing a tenant's webhook endpoints (admins only, see the routes). The signing secret is made
 * here and shown once — in the answer to the creation or the rotation — and never again: views and
 * audit records carry the endpoint without it.
 */
import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError } from '../../domain/errors';
import {
  checkEndpointUrl,
  endpointView,
  type WebhookEndpoint,
  type WebhookStatus,
} from '../../domain/webhooks/webhook-endpoint';
import type { WebhookEventType } from '../../domain/webhooks/webhook-event';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';

type EndpointServices = Pick<Services, 'clock' | 'ids' | 'webhooks' | 'webhookUrlPolicy'>;

export interface WebhookDraft {
  url: string;
  eventTypes: WebhookEventType[];
  description?: string;
}

export interface WebhookChanges {
  url?: string;
  eventTypes?: WebhookEventType[];
  description?: string;
  status?: WebhookStatus;
  rotateSecret?: boolean;
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export async function createWebhook(
  services: EndpointServices,
  context: UseCaseContext,
  draft: WebhookDraft,
) {
  const now = services.clock.now();
  const at = now.toISOString();
  const endpoint: WebhookEndpoint = {
    id: services.ids.next('whk'),
    tenantId: context.actor.tenantId,
    url: checkEndpointUrl(draft.url, services.webhookUrlPolicy),
    eventTypes: [...new Set(draft.eventTypes)].sort(),
    ...(draft.description ? { description: draft.description } : {}),
    status: 'enabled',
    secret: newSecret(),
    consecutiveFailures: 0,
    createdAt: at,
    createdBy: context.actor.sub,
    updatedAt: at,
    version: 1,
  };
  const answer = { ...endpointView(endpoint), secret: endpoint.secret };
  await services.webhooks.createEndpoint(endpoint, {
    audit: [
      auditor(services.ids, context.actor, now)(
        'webhook',
        endpoint.id,
        'webhook.created',
        null,
        endpointView(endpoint),
      ),
    ],
    idempotency: context.idempotency && { ...context.idempotency, body: answer },
  });
  return answer;
}

export async function listWebhooks(services: Pick<Services, 'webhooks'>, context: UseCaseContext) {
  const endpoints = await services.webhooks.endpoints(context.actor.tenantId);
  return {
    items: endpoints.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(endpointView),
    nextCursor: null,
  };
}

export async function findWebhook(services: Pick<Services, 'webhooks'>, tenantId: string, id: string) {
  const endpoint = await services.webhooks.endpoint(tenantId, id);
  if (!endpoint) throw new NotFoundError('Webhook');
  return endpoint;
}

export async function getWebhook(services: Pick<Services, 'webhooks'>, context: UseCaseContext, id: string) {
  return endpointView(await findWebhook(services, context.actor.tenantId, id));
}

export async function updateWebhook(
  services: EndpointServices,
  context: UseCaseContext,
  id: string,
  changes: WebhookChanges,
) {
  const before = await findWebhook(services, context.actor.tenantId, id);
  if (context.expectedVersion !== undefined && context.expectedVersion !== before.version) {
    throw new ConflictError(`The webhook is at version ${before.version}`);
  }
  const now = services.clock.now();
  const enabling = changes.status === 'enabled' && before.status === 'disabled';
  const { disabledReason: _disabledReason, ...kept } = before;
  const after: WebhookEndpoint = {
    ...(changes.status === 'disabled' ? before : kept),
    ...(changes.url !== undefined ? { url: checkEndpointUrl(changes.url, services.webhookUrlPolicy) } : {}),
    ...(changes.eventTypes !== undefined ? { eventTypes: [...new Set(changes.eventTypes)].sort() } : {}),
    ...(changes.description !== undefined ? { description: changes.description } : {}),
    ...(changes.status !== undefined ? { status: changes.status } : {}),
    // Enabling again starts the count of failures in a row afresh.
    ...(enabling ? { consecutiveFailures: 0 } : {}),
    ...(changes.rotateSecret ? { secret: newSecret(), secretRotatedAt: now.toISOString() } : {}),
    updatedAt: now.toISOString(),
    version: before.version + 1,
  };
  const audit = auditor(services.ids, context.actor, now);
  await services.webhooks.saveEndpoint(before, after, {
    audit: [
      audit('webhook', id, 'webhook.updated', endpointView(before), endpointView(after)),
      ...(changes.rotateSecret
        ? [
            audit(
              'webhook',
              id,
              'webhook.secret_rotated',
              { secretRotatedAt: before.secretRotatedAt ?? null },
              { secretRotatedAt: after.secretRotatedAt },
            ),
          ]
        : []),
    ],
  });
  return { ...endpointView(after), ...(changes.rotateSecret ? { secret: after.secret } : {}) };
}

export async function deleteWebhook(services: EndpointServices, context: UseCaseContext, id: string) {
  const endpoint = await findWebhook(services, context.actor.tenantId, id);
  const now = services.clock.now();
  await services.webhooks.removeEndpoint(endpoint, {
    audit: [
      auditor(services.ids, context.actor, now)(
        'webhook',
        id,
        'webhook.deleted',
        endpointView(endpoint),
        null,
      ),
    ],
  });
  return endpointView(endpoint);
}

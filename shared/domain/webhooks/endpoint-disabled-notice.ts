/**
 * What the tenant's managers are told when the platform disables one of their webhook endpoints:
 * which one, why, and how to bring it back. One notification per manager address, with an id
 * fixed by the endpoint and the instant it was disabled, so a retried sender tells nobody twice.
 */
import type { StaffNotification } from '../notifications/staff-notification';
import type { WebhookEndpoint } from './webhook-endpoint';

export function endpointDisabledNotices(
  endpoint: WebhookEndpoint,
  managerEmails: readonly string[],
  at: string,
): StaffNotification[] {
  const host = new URL(endpoint.url).host;
  return managerEmails.map((to) => ({
    id: `ntf:webhook-disabled:${endpoint.id}:${at}:${to}`,
    tenantId: endpoint.tenantId,
    kind: 'webhook_disabled',
    channel: 'email',
    to,
    template: 'webhook_disabled',
    subject: `Webhook endpoint ${host} disabled`,
    body:
      `Recoup disabled the webhook endpoint ${endpoint.url} (${endpoint.id}): ${endpoint.disabledReason ?? 'its deliveries kept failing'}. ` +
      'Its events are no longer sent. Once the receiver works again, an admin can enable it ' +
      `(PATCH /v1/webhooks/${endpoint.id} {"status":"enabled"}) and retry the failed deliveries from its delivery log.`,
    status: 'queued',
    createdAt: at,
  }));
}

/**
 * What the quarter-hour tick does: open the tenant days that began, sweep the outbox, and relay the
 * webhook events the table's stream left unrelayed (relay-webhook-events.ts).
 */
import type { Services } from '../../runtime/services';
import { sweepOutbox } from '../notifications/sweep-outbox';
import { sweepWebhookEvents } from '../webhooks/relay-webhook-events';
import { openTenantDays } from './open-tenant-days';

export async function tick(
  services: Pick<
    Services,
    'clock' | 'settings' | 'schedules' | 'jobs' | 'contacts' | 'messages' | 'webhooks' | 'webhookQueue'
  >,
) {
  const opened = await openTenantDays(services);
  const swept = await sweepOutbox(services);
  const webhookEvents = await sweepWebhookEvents(services);
  return { ...opened, swept, webhookEvents };
}

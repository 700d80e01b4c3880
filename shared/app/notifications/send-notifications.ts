import type { StaffNotification } from '../../domain/notifications/staff-notification';
import type { Services } from '../../runtime/services';

/**
 * Stores the notifications (the outbox), then hands every queued one of the tenant to delivery —
 * these, and any a crash left queued before — and marks them sent. Returns how many were new.
 */
export async function sendNotifications(
  services: Pick<Services, 'clock' | 'notifications' | 'messages'>,
  tenantId: string,
  notifications: readonly StaffNotification[],
): Promise<number> {
  let created = 0;
  for (const notification of notifications) {
    if (await services.notifications.queue(notification)) created += 1;
  }
  for (const queued of await services.notifications.queued(tenantId)) {
    await services.messages.deliverNotification(queued);
    await services.notifications.markDispatched(queued, services.clock.now());
  }
  return created;
}

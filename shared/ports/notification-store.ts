import type { StaffNotification } from '../domain/notifications/staff-notification';

export interface NotificationStore {
  /** Stores a queued notification; false when one with its id exists (it was sent or is queued). */
  queue(notification: StaffNotification): Promise<boolean>;
  /** The tenant's notifications still waiting for delivery. */
  queued(tenantId: string): Promise<StaffNotification[]>;
  markSent(notification: StaffNotification, sentAt: Date): Promise<void>;
}

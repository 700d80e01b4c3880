import type { StaffNotification } from '../domain/notifications/staff-notification';

export interface NotificationStore {
  /** Stores a queued notification; false when one with its id exists (it was sent or is queued). */
  queue(notification: StaffNotification): Promise<boolean>;
  /** The tenant's notifications still waiting for delivery. */
  queued(tenantId: string): Promise<StaffNotification[]>;
  /** Marks a queued notification handed to the outbox queue (no-op once a sender moved it on). */
  markDispatched(notification: StaffNotification, at: Date): Promise<void>;
}

import type { OutboundMessage } from '../domain/cases/outbound-message';
import type { StaffNotification } from '../domain/notifications/staff-notification';

/** Delivers a queued message through its channel (SES, SMS, print) or the local outbox. */
export interface MessageDelivery {
  deliver(message: OutboundMessage): Promise<void>;
  deliverNotification(notification: StaffNotification): Promise<void>;
}

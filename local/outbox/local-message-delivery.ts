import type { OutboundMessage } from '../../shared/domain/cases/outbound-message';
import type { StaffNotification } from '../../shared/domain/notifications/staff-notification';
import { outboxEntry } from '../../shared/messaging/outbox-entry';
import type { MessageDelivery } from '../../shared/ports/message-delivery';
import type { LocalQueue } from './local-queue';

/** Locally a queued message goes to the local outbox queue, which the sender handler consumes. */
export class LocalMessageDelivery implements MessageDelivery {
  constructor(private readonly queue: LocalQueue) {}

  deliver(message: OutboundMessage): Promise<void> {
    return this.queue.send(
      outboxEntry({
        kind: 'message',
        tenantId: message.tenantId,
        debtorId: message.debtorId,
        id: message.id,
      }),
    );
  }

  deliverNotification(notification: StaffNotification): Promise<void> {
    return this.queue.send(
      outboxEntry({ kind: 'notification', tenantId: notification.tenantId, id: notification.id }),
    );
  }
}

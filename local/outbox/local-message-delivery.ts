import type { OutboundMessage } from '../../shared/domain/cases/outbound-message';
import type { StaffNotification } from '../../shared/domain/notifications/staff-notification';
import type { Clock } from '../../shared/ports/clock';
import type { MessageDelivery } from '../../shared/ports/message-delivery';
import type { LocalOutbox } from './local-outbox';

/** Locally a message is "delivered" into the outbox file served at `GET /dev/outbox`, once per id. */
export class LocalMessageDelivery implements MessageDelivery {
  constructor(
    private readonly outbox: LocalOutbox,
    private readonly clock: Clock,
  ) {}

  async deliver(message: OutboundMessage): Promise<void> {
    if (this.outbox.has(message.id)) return;
    this.outbox.record({
      id: message.id,
      tenantId: message.tenantId,
      debtorId: message.debtorId,
      channel: message.channel,
      to: message.to,
      template: message.template,
      ...(message.subject ? { subject: message.subject } : {}),
      body: message.body,
      obligations: message.obligations,
      sentAt: this.clock.now().toISOString(),
    });
  }

  async deliverNotification(notification: StaffNotification): Promise<void> {
    if (this.outbox.has(notification.id)) return;
    this.outbox.record({
      id: notification.id,
      tenantId: notification.tenantId,
      ...(notification.debtorId ? { debtorId: notification.debtorId } : {}),
      channel: notification.channel,
      to: notification.to,
      template: notification.template,
      subject: notification.subject,
      body: notification.body,
      sentAt: this.clock.now().toISOString(),
    });
  }
}

import type { OutboundMessage } from '../domain/cases/outbound-message';
import type { Deliverable, DeliveryState } from '../domain/messaging/delivery';

/** Which stored message a queue entry or a provider report is about. */
export type DeliveryRef =
  | { kind: 'message'; tenantId: string; debtorId: string; id: string }
  | { kind: 'notification'; tenantId: string; id: string };

export type DeliveryRecord = Deliverable &
  Partial<Pick<OutboundMessage, 'activity' | 'caseStep' | 'template'>>;

/** The stored messages' delivery states, read and moved by the senders and the provider reports. */
export interface DeliveryLog {
  read(ref: DeliveryRef): Promise<DeliveryRecord | undefined>;
  /**
   * Writes `next` only if the record is still at `current`'s revision (a conditional write);
   * false when someone moved it on since it was read.
   */
  transition(ref: DeliveryRef, current: DeliveryState, next: DeliveryState): Promise<boolean>;
  /** Remembers that a debtor was texted at this number, so a STOP reply from it finds them. */
  rememberTextRecipient(phone: string, recipient: { tenantId: string; debtorId: string }): Promise<void>;
  /** Every debtor texted at this number, of any tenant. */
  textRecipients(phone: string): Promise<{ tenantId: string; debtorId: string }[]>;
}

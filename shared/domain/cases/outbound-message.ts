/**
 * A message the system sends: written in the same transaction as the contact it records (the
 * outbox), delivered afterwards by the channel adapter. Its id is deterministic per case step and
 * channel, so no retry can send it twice.
 */
import type { ContactObligation } from '../compliance/contact-rule-pack';
import type { DeliveryChannel, DeliveryState } from '../messaging/delivery';

export interface OutboundMessage extends DeliveryState {
  id: string;
  tenantId: string;
  debtorId: string;
  channel: DeliveryChannel;
  to: string;
  template: string;
  subject?: string;
  body: string;
  /** BCP 47 language the text is written in. */
  language?: string;
  obligations: ContactObligation[];
  createdAt: string;
  /** The contact (activity) it records: delivery reports are written onto it. */
  activity?: { id: string; at: string };
  /** The case step that sent it, so a bounce can be answered on another channel. */
  caseStep?: { caseId: string; invoiceId: string; stepIndex: number };
}

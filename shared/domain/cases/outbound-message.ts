/**
 * A message the system sends: written in the same transaction as the contact it records (the
 * outbox), delivered afterwards by the channel adapter. Its id is deterministic per case step and
 * channel, so no retry can send it twice.
 */
import type { ContactChannel } from '../compliance/contact-channel';
import type { ContactObligation } from '../compliance/contact-rule-pack';

export interface OutboundMessage {
  id: string;
  tenantId: string;
  debtorId: string;
  channel: Exclude<ContactChannel, 'call'> | 'voice';
  to: string;
  template: string;
  subject?: string;
  body: string;
  obligations: ContactObligation[];
  status: 'queued' | 'sent';
  createdAt: string;
  sentAt?: string;
}

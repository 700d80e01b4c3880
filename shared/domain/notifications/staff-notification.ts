/**
 * A message to the creditor's own people (collectors, managers): due-date alerts, threshold
 * alerts, the weekly report, a webhook endpoint the platform disabled. Not a contact with a debtor, so the compliance gate does not apply;
 * like a debtor message it is stored before it is handed on (the outbox), under an id that is
 * deterministic per reason and period, so a rerun never sends it twice.
 */
import type { DeliveryState } from '../messaging/delivery';

export type NotificationKind =
  'invoice_due_soon' | 'invoice_overdue' | 'weekly_report' | 'threshold_alert' | 'webhook_disabled';

export interface StaffNotification extends DeliveryState {
  id: string;
  tenantId: string;
  kind: NotificationKind;
  /** The debtor it is about, when it is about one. */
  debtorId?: string;
  channel: 'email';
  to: string;
  template: NotificationKind;
  subject: string;
  body: string;
  createdAt: string;
}

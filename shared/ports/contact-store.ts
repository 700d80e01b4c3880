import type { ActivityDay } from '../domain/activities/activity-day';
import type { CalendarDate } from '../domain/time/calendar-date';
import type { Activity, ActivityDelivery } from '../domain/activities/activity';
import type { OutboundMessage } from '../domain/cases/outbound-message';
import type { ContactProfile } from '../domain/compliance/contact-profile';
import type { Change } from './ledger-store';
import type { Page, PageRequest } from './page';
import type { WriteContext } from './write-context';

/** A debtor's contact profile and activity log. */
export interface ContactStore {
  /** The tenant's contact-work day counters for [from, to], oldest first. */
  activityDays(tenantId: string, from: CalendarDate, to: CalendarDate): Promise<ActivityDay[]>;
  /** The profile (defaults at version 0 when never written) and the activities since an instant. */
  recent(
    tenantId: string,
    debtorId: string,
    since: Date,
  ): Promise<{ profile: ContactProfile; activities: Activity[] }>;
  /** Activities, newest first. */
  listActivities(tenantId: string, debtorId: string, page: PageRequest): Promise<Page<Activity>>;
  /**
   * Writes the profile, when given, under its version (a concurrent contact raises
   * ConcurrentChangeError) and a new activity, when given, atomically with the context's audit and idempotency records.
   */
  save(
    change: { profile?: Change<ContactProfile>; activity?: Activity; message?: OutboundMessage },
    context: WriteContext,
  ): Promise<void>;
  /** Messages queued and not yet delivered: the outbox relay's work for one debtor. */
  queuedMessages(tenantId: string, debtorId: string): Promise<OutboundMessage[]>;
  /** Marks a queued message handed to the outbox queue (no-op once a sender moved it on). */
  markDispatched(message: OutboundMessage, at: Date): Promise<void>;
  /** Writes the provider's latest report onto the activity a message recorded. */
  recordDelivery(
    tenantId: string,
    debtorId: string,
    activity: { id: string; at: string },
    delivery: ActivityDelivery,
  ): Promise<void>;
  /** Messages of every tenant still queued since before `before`, oldest first (the outbox sweep). */
  queuedBefore(before: Date, limit: number): Promise<OutboundMessage[]>;
}

/** The message (by its deterministic id) was queued before: this send already happened. */
export class DuplicateSendError extends Error {
  constructor(readonly messageId: string) {
    super(`Message ${messageId} was already sent`);
    this.name = 'DuplicateSendError';
  }
}

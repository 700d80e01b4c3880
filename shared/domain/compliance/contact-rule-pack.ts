/**
 * The shape of contact rules as dated data. A debtor is governed by every pack that matches its
 * jurisdiction and kind of debt on the day of the contact (US federal + Massachusetts, say), plus
 * the tenant's own tightening; a contact must satisfy all of them, so composing packs can only
 * restrict, never loosen.
 */
import type { CalendarDate } from '../time/calendar-date';
import type { ContactChannel } from './contact-channel';

/** Consumer debts are owed by people for personal purposes; business debts by businesses (B2B). */
export type DebtKind = 'consumer' | 'business';

/** Local hours in which the channels may be used: `from` and `to` inclusive (`'08:00'`–`'21:00'`). */
export interface ContactHours {
  readonly from: string;
  readonly to: string;
  readonly channels: readonly ContactChannel[];
  /** ISO weekdays allowed (1 = Monday … 7 = Sunday); all days when absent. */
  readonly weekdays?: readonly number[];
}

/**
 * At most `maxAttempts` contacts on `channels` within any `periodDays` consecutive local calendar
 * days (the day of the contact included). Attempts count, whether or not the debtor answered.
 */
export interface ContactCap {
  readonly channels: readonly ContactChannel[];
  readonly maxAttempts: number;
  readonly periodDays: number;
  readonly citation: string;
  /**
   * Counts and limits only automated messages (workflow steps, schedules), and of those only the
   * ones not reported undelivered: what people do neither counts toward the cap nor is refused by it.
   */
  readonly automatedOnly?: boolean;
}

export type ContactObligation =
  /** Every email and SMS carries a clear, simple way to opt out of that channel. */
  | 'opt_out_notice'
  /** The validation notice goes with, or within 5 days of, the first communication. */
  | 'validation_notice'
  /** Time-barred debt: say that the creditor cannot sue, and threaten nothing of the kind. */
  | 'time_barred_disclosure'
  /** Name the lawful basis for processing and where the privacy notice is (GDPR art. 13/14). */
  | 'privacy_notice';

export interface ContactRulePack {
  readonly id: string;
  readonly name: string;
  readonly legalBasis: string;
  /** `US` matches every `US-xx`; `US-MA` matches only Massachusetts; `EU` matches member states. */
  readonly jurisdictions: readonly string[];
  readonly debtKinds: readonly DebtKind[];
  readonly effectiveFrom: CalendarDate;
  /** Last day in force, when a pack has been replaced. */
  readonly effectiveUntil?: CalendarDate;
  readonly hours?: ContactHours;
  readonly caps?: readonly ContactCap[];
  /** No call on the day of a telephone conversation and the `days - 1` days after it. */
  readonly quietAfterConversation?: { readonly days: number; readonly citation: string };
  /** Channels that need the debtor's recorded consent (e.g. automated texts to a mobile). */
  readonly consentRequiredFor?: readonly ContactChannel[];
  /** Channels whose messages carry each obligation. */
  readonly obligations?: readonly {
    readonly obligation: ContactObligation;
    readonly channels: readonly ContactChannel[];
  }[];
  /** Validation notice regime (US consumer debts). */
  readonly validationNotice?: {
    /** Days after the first communication by which the notice must have been sent. */
    readonly sendWithinDays: number;
    /** Days the consumer has to dispute, counted from assumed receipt. */
    readonly validationPeriodDays: number;
    /** Receipt may be assumed this many business days after sending. */
    readonly receiptAfterBusinessDays: number;
  };
  /** Years after which a debt is time-barred (no suit, no threat of suit). */
  readonly limitationYears?: number;
}

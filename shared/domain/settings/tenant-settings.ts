/** A tenant's own settings: its time zone and the internal controls it chose. */
import type { TenantContactRules } from '../compliance/tenant-contact-rules';
import type { CurrencyCode } from '../money/currencies';

import type { SelfServicePlanRules } from '../plans/self-service-plans';

export interface TenantSettings {
  tenantId: string;
  /** The creditor's time zone: when "today" turns over for its reports and due-date alerts. */
  timezone: string;
  /** Reporting currency for portfolio totals (always through dated conversion). */
  baseCurrency?: CurrencyCode;
  /**
   * Four-eyes thresholds per currency, in minor units: a write-off or credit note above the
   * threshold needs a second person's approval. A currency without a threshold needs no approval.
   */
  approvalThresholds: Partial<Record<CurrencyCode, number>>;
  /** Contact rules stricter than the law's (never looser: they are composed with it). */
  contactRules?: TenantContactRules;
  /** The collection team: who works the daily worklist, how much, and where alerts reach them. */
  collectors?: Collector[];
  /** Due-date alerts and reports. */
  alerts?: AlertSettings;
  /** Payment plans debtors may agree on their own in the portal; none when absent. */
  selfServicePlans?: SelfServicePlanRules;
  /** Credit reports refreshed by the tenant day once older than this; none when absent (each costs). */
  creditChecks?: CreditCheckSettings;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

export interface CreditCheckSettings {
  refreshAfterDays: number;
}

export interface Collector {
  /** The user's `sub`: debtors name it as `collectorId`. */
  id: string;
  name: string;
  email: string;
  /** Worklist items a day. */
  dailyCapacity: number;
  /** Managers receive escalations, failed cases and the weekly report. */
  role?: 'collector' | 'manager';
}

export interface AlertSettings {
  /** Warn the collector this many days before an invoice falls due (e.g. [7, 1]). */
  daysBeforeDue: number[];
  /** Who receives alerts about accounts without a collector, and the weekly report. */
  managerEmails: string[];
}

export const DEFAULT_ALERTS: AlertSettings = { daysBeforeDue: [3], managerEmails: [] };

export function defaultSettings(tenantId: string): TenantSettings {
  return { tenantId, timezone: 'UTC', approvalThresholds: {}, version: 0 };
}

/** Whether an amount needs a second person's approval under the tenant's thresholds. */
export function needsApproval(settings: TenantSettings, currency: CurrencyCode, amount: number): boolean {
  const threshold = settings.approvalThresholds[currency];
  return threshold !== undefined && amount > threshold;
}

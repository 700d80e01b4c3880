/** A tenant's own settings: its time zone and the internal controls it chose. */
import type { TenantContactRules } from '../compliance/tenant-contact-rules';
import type { CurrencyCode } from '../money/currencies';

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
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

export function defaultSettings(tenantId: string): TenantSettings {
  return { tenantId, timezone: 'UTC', approvalThresholds: {}, version: 0 };
}

/** Whether an amount needs a second person's approval under the tenant's thresholds. */
export function needsApproval(settings: TenantSettings, currency: CurrencyCode, amount: number): boolean {
  const threshold = settings.approvalThresholds[currency];
  return threshold !== undefined && amount > threshold;
}

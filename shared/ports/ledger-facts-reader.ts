import type { Adjustment } from '../domain/adjustments/adjustment';
import type { Dispute } from '../domain/disputes/dispute';
import type { Invoice } from '../domain/invoices/invoice';
import type { Payment } from '../domain/payments/payment';
import type { PaymentPlan } from '../domain/plans/payment-plan';
import type { PromiseToPay } from '../domain/promises/promise-to-pay';
import type { CurrencyCode } from '../domain/money/currencies';

/** A tenant's money records in one currency, as stored: the inputs of period metrics. */
export interface TenantLedgerRecords {
  invoices: Invoice[];
  payments: Payment[];
  adjustments: Adjustment[];
  promises: PromiseToPay[];
  disputes: Dispute[];
  plans: PaymentPlan[];
}

export interface LedgerFactsReader {
  /** Currencies the tenant has invoiced in, sorted. */
  currencies(tenantId: string): Promise<CurrencyCode[]>;
  records(tenantId: string, currency: CurrencyCode): Promise<TenantLedgerRecords>;
}

/** A payment plan as Recoup keeps it: the invoices it covers and their installment schedule. */
import type { CurrencyCode } from '../money/currencies';
import type { Installment, PlanFrequency, PlanStatus } from './plan';

export interface PaymentPlan {
  readonly id: string;
  readonly tenantId: string;
  readonly debtorId: string;
  readonly invoiceIds: readonly string[];
  readonly currency: CurrencyCode;
  readonly total: number;
  readonly frequency: PlanFrequency;
  readonly graceDays: number;
  readonly installments: readonly Installment[];
  /** Stored status; `active` plans are evaluated against payments when read. */
  readonly status: PlanStatus | 'cancelled';
  readonly createdAt: string;
  readonly createdBy: string;
  readonly endedAt?: string;
  /** Who ended an active plan before its time, and why (status `cancelled`). */
  readonly cancellation?: Cancellation;
  readonly version: number;
}

export interface Cancellation {
  readonly by: string;
  readonly reason: string;
}

/**
 * A posted interest, compensation or fee charge as Recoup keeps it: owed apart from the principal,
 * until paid or waived. Settling the principal never makes a charge disappear.
 */
import type { CurrencyCode } from '../money/currencies';
import { chargesOwed, type ChargePayment, type ChargesOwed, type PostedCharge } from './charges';

export interface InterestCharge extends PostedCharge {
  readonly tenantId: string;
  readonly debtorId: string;
  readonly invoiceId: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly waivedAt?: string;
  readonly waivedBy?: string;
  readonly waiverReason?: string;
  /** Above the four-eyes threshold: who approved the waiver. */
  readonly waiverApprovedBy?: string;
  readonly version: number;
}

/** What is owed on one currency's charges, given every charge payment of the debtor. */
export function owedOnCharges(
  currency: CurrencyCode,
  charges: readonly InterestCharge[],
  payments: readonly ChargePayment[],
): ChargesOwed {
  const own = charges.filter((charge) => charge.currency === currency);
  const ids = new Set(own.map((charge) => charge.id));
  return chargesOwed(
    currency,
    own,
    payments.filter((payment) => ids.has(payment.chargeId)),
  );
}

/**
 * A posted interest, compensation or fee charge as Recoup keeps it: owed apart from the principal,
 * until paid or waived. Settling the principal never makes a charge disappear.
 */
import type { PostedCharge } from './charges';

export interface InterestCharge extends PostedCharge {
  readonly tenantId: string;
  readonly debtorId: string;
  readonly invoiceId: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly waivedAt?: string;
  readonly waivedBy?: string;
  readonly waiverReason?: string;
  readonly version: number;
}

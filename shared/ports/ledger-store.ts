import type { Invoice } from '../domain/invoices/invoice';
import type { DebtorLedger } from '../domain/ledger/debtor-ledger';
import type { Payment } from '../domain/payments/payment';
import type { Adjustment } from '../domain/adjustments/adjustment';
import type { Approval } from '../domain/approvals/approval';
import type { Dispute } from '../domain/disputes/dispute';
import type { InterestCharge } from '../domain/interest/interest-charge';
import type { PaymentPlan } from '../domain/plans/payment-plan';
import type { PromiseToPay } from '../domain/promises/promise-to-pay';
import type { RedatedInvoice } from '../domain/metrics/receivable-change';
import type { Page, PageRequest } from './page';
import type { WriteContext } from './write-context';

export interface Change<T> {
  before: T;
  after: T;
}

/** Everything a debtor's money movement reads: its ledger head and invoices, consistently. */
export interface LedgerSnapshot {
  ledger: DebtorLedger;
  invoices: Invoice[];
  /** Interest, compensation and fee charges posted on the debtor's invoices. */
  charges: InterestCharge[];
}

/**
 * One money movement of one debtor, committed atomically: the ledger head advances (serialising
 * the debtor's movements), invoices and payments are created or changed under version checks.
 */
export interface LedgerChange {
  ledger: Change<DebtorLedger>;
  createdInvoices?: Invoice[];
  changedInvoices?: Change<Invoice>[];
  createdPayments?: Payment[];
  changedPayments?: Change<Payment>[];
  createdAdjustments?: Adjustment[];
  createdDisputes?: Dispute[];
  changedDisputes?: Change<Dispute>[];
  createdPromises?: PromiseToPay[];
  changedPromises?: Change<PromiseToPay>[];
  createdPlans?: PaymentPlan[];
  createdCharges?: InterestCharge[];
  changedCharges?: Change<InterestCharge>[];
  changedPlans?: Change<PaymentPlan>[];
  /** Invoices whose issue or due date moved, with every movement on them (for the day aggregates). */
  redatedInvoices?: RedatedInvoice[];
  /** An approval decided in the same breath as the change it approves. */
  changedApprovals?: Change<Approval>[];
  /** First invoice of the tenant in a currency: remember the currency for portfolio reports. */
  currencyInUse?: { tenantId: string; currency: string };
}

/** Every record of one debtor's book, read in one consistent query of its partition. */
export interface DebtorBook extends LedgerSnapshot {
  payments: Payment[];
  adjustments: Adjustment[];
  promises: PromiseToPay[];
  disputes: Dispute[];
  plans: PaymentPlan[];
}

export interface LedgerStore {
  book(tenantId: string, debtorId: string): Promise<DebtorBook>;
  snapshot(tenantId: string, debtorId: string): Promise<LedgerSnapshot>;
  /** Payments of the debtor that still hold unapplied credit, oldest received first. */
  paymentsWithCredit(tenantId: string, debtorId: string): Promise<Payment[]>;
  getPayment(tenantId: string, paymentId: string): Promise<Payment | undefined>;
  /** A debtor's payments, newest first. */
  listPayments(tenantId: string, debtorId: string, page: PageRequest): Promise<Page<Payment>>;
  getDispute(tenantId: string, disputeId: string): Promise<Dispute | undefined>;
  listDisputes(tenantId: string, debtorId: string): Promise<Dispute[]>;
  listAdjustments(tenantId: string, debtorId: string): Promise<Adjustment[]>;
  listPromises(tenantId: string, debtorId: string): Promise<PromiseToPay[]>;
  listPlans(tenantId: string, debtorId: string): Promise<PaymentPlan[]>;
  /** Every payment of the debtor, oldest received first (for promise and plan evaluation). */
  allPayments(tenantId: string, debtorId: string): Promise<Payment[]>;
  /** Throws ConcurrentChangeError when the ledger, an invoice or a payment moved on meanwhile. */
  commit(change: LedgerChange, context: WriteContext): Promise<void>;
}

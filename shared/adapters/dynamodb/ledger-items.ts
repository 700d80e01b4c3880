/** Item layouts and versioned writes of the ledger's records (invoices, payments, ledger head). */
import type { Invoice } from '../../domain/invoices/invoice';
import type { DebtorLedger } from '../../domain/ledger/debtor-ledger';
import type { Payment } from '../../domain/payments/payment';
import type { Adjustment } from '../../domain/adjustments/adjustment';
import type { Approval } from '../../domain/approvals/approval';
import type { Dispute } from '../../domain/disputes/dispute';
import type { InterestCharge } from '../../domain/interest/interest-charge';
import type { PaymentPlan } from '../../domain/plans/payment-plan';
import type { PromiseToPay } from '../../domain/promises/promise-to-pay';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { keys } from './keys';
import { versionedPut, type TransactionStep } from './transaction';

export function invoiceItem(invoice: Invoice): Record<string, unknown> {
  return {
    ...keys.invoice(invoice.tenantId, invoice.debtorId, invoice.id),
    gsi1pk: keys.debtorInvoicesIndex(invoice.tenantId, invoice.debtorId),
    gsi1sk: `${invoice.dueDate}#${invoice.number}#${invoice.id}`,
    gsi2pk: keys.tenantFacts(invoice.tenantId, invoice.currency),
    // By due date, so the due-date alerts find a day's invoices with one query.
    gsi2sk: `INVOICE#${invoice.dueDate}#${invoice.id}`,
    entity: 'Invoice',
    ...invoice,
  };
}

export function paymentItem(payment: Payment): Record<string, unknown> {
  return {
    ...keys.payment(payment.tenantId, payment.debtorId, payment.id),
    gsi2pk: keys.tenantFacts(payment.tenantId, payment.currency),
    gsi2sk: `PAYMENT#${payment.id}`,
    entity: 'Payment',
    ...payment,
  };
}

export function adjustmentItem(adjustment: Adjustment): Record<string, unknown> {
  return {
    ...keys.adjustment(adjustment.tenantId, adjustment.debtorId, adjustment.id),
    gsi2pk: keys.tenantFacts(adjustment.tenantId, adjustment.currency),
    gsi2sk: `ADJUSTMENT#${adjustment.id}`,
    entity: 'Adjustment',
    ...adjustment,
  };
}

export function disputeItem(dispute: Dispute): Record<string, unknown> {
  return {
    ...keys.dispute(dispute.tenantId, dispute.debtorId, dispute.id),
    gsi2pk: keys.tenantDisputes(dispute.tenantId),
    gsi2sk: dispute.id,
    entity: 'Dispute',
    ...dispute,
  };
}

export function promiseItem(promise: PromiseToPay): Record<string, unknown> {
  return {
    ...keys.promise(promise.tenantId, promise.debtorId, promise.id),
    gsi2pk: keys.tenantFacts(promise.tenantId, promise.currency),
    gsi2sk: `PROMISE#${promise.id}`,
    entity: 'PromiseToPay',
    ...promise,
  };
}

export function planItem(plan: PaymentPlan): Record<string, unknown> {
  return {
    ...keys.plan(plan.tenantId, plan.debtorId, plan.id),
    gsi2pk: keys.tenantFacts(plan.tenantId, plan.currency),
    gsi2sk: `PLAN#${plan.id}`,
    entity: 'PaymentPlan',
    ...plan,
  };
}

export function chargeItem(charge: InterestCharge): Record<string, unknown> {
  return { ...keys.charge(charge.tenantId, charge.debtorId, charge.id), entity: 'InterestCharge', ...charge };
}

export function approvalItem(approval: Approval): Record<string, unknown> {
  return {
    ...keys.approval(approval.tenantId, approval.id),
    gsi1pk: keys.approvalsIndex(approval.tenantId, approval.status),
    gsi1sk: `${approval.requestedAt}#${approval.id}`,
    entity: 'Approval',
    ...approval,
  };
}

export function disputeCreationSteps(tableName: string, dispute: Dispute): TransactionStep[] {
  return [
    versionedPut(
      tableName,
      disputeItem(dispute),
      0,
      () => new ConflictError(`Dispute ${dispute.id} already exists`),
    ),
    {
      item: {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.disputePointer(dispute.tenantId, dispute.id),
            entity: 'DisputePointer',
            debtorId: dispute.debtorId,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new ConflictError(`Dispute ${dispute.id} already exists`),
    },
  ];
}

export function ledgerItem(ledger: DebtorLedger): Record<string, unknown> {
  return { ...keys.ledger(ledger.tenantId, ledger.debtorId), entity: 'DebtorLedger', ...ledger };
}

/** A new invoice: the item, its id pointer and its number guard; its debtor must exist. */
/** Finds an invoice's partition (its debtor) from its id. */
export function invoicePointerItem(invoice: Invoice): Record<string, unknown> {
  return {
    ...keys.invoicePointer(invoice.tenantId, invoice.id),
    entity: 'InvoicePointer',
    debtorId: invoice.debtorId,
  };
}

/** Keeps invoice numbers unique within the tenant. */
export function invoiceNumberItem(invoice: Invoice): Record<string, unknown> {
  return {
    ...keys.invoiceNumber(invoice.tenantId, invoice.number),
    entity: 'InvoiceNumber',
    invoiceId: invoice.id,
  };
}

export function invoiceCreationSteps(tableName: string, invoice: Invoice): TransactionStep[] {
  const { tenantId, debtorId, id, number } = invoice;
  return [
    {
      item: {
        ConditionCheck: {
          TableName: tableName,
          Key: keys.debtor(tenantId, debtorId),
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(mergedInto)',
        },
      },
      onConditionFailed: () => new NotFoundError('Debtor'),
    },
    versionedPut(tableName, invoiceItem(invoice), 0, () => new ConflictError(`Invoice ${id} already exists`)),
    {
      item: {
        Put: {
          TableName: tableName,
          Item: invoicePointerItem(invoice),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new ConflictError(`Invoice ${id} already exists`),
    },
    {
      item: {
        Put: {
          TableName: tableName,
          Item: invoiceNumberItem(invoice),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new ConflictError(`Invoice number ${number} is already used`),
    },
  ];
}

export function paymentCreationSteps(tableName: string, payment: Payment): TransactionStep[] {
  return [
    versionedPut(
      tableName,
      paymentItem(payment),
      0,
      () => new ConflictError(`Payment ${payment.id} already exists`),
    ),
    {
      item: {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.paymentPointer(payment.tenantId, payment.id),
            entity: 'PaymentPointer',
            debtorId: payment.debtorId,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new ConflictError(`Payment ${payment.id} already exists`),
    },
  ];
}

/**
 * A dispute may wait for one approval at a time: the request takes a guard item (refused while
 * another holds it), the decision releases it.
 */
export function disputeApprovalGuardSteps(
  tableName: string,
  change: { before: Approval | null; after: Approval },
): TransactionStep[] {
  const { before, after } = change;
  if (!after.disputeId) return [];
  const key = keys.disputeApprovalGuard(after.tenantId, after.disputeId);
  if (before === null && after.status === 'pending') {
    return [
      {
        item: {
          Put: {
            TableName: tableName,
            Item: { ...key, entity: 'DisputeApprovalGuard', approvalId: after.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new ConflictError('A credit for this dispute already waits for approval'),
      },
    ];
  }
  if (before?.status === 'pending' && after.status !== 'pending') {
    return [{ item: { Delete: { TableName: tableName, Key: key } } }];
  }
  return [];
}

/** Item layouts and versioned writes of the ledger's records (invoices, payments, ledger head). */
import type { Invoice } from '../../domain/invoices/invoice';
import type { DebtorLedger } from '../../domain/ledger/debtor-ledger';
import type { Payment } from '../../domain/payments/payment';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { ConcurrentChangeError } from '../../ports/concurrent-change';
import { keys } from './keys';
import type { TransactionStep } from './transaction';

export function invoiceItem(invoice: Invoice): Record<string, unknown> {
  return {
    ...keys.invoice(invoice.tenantId, invoice.debtorId, invoice.id),
    gsi1pk: keys.debtorInvoicesIndex(invoice.tenantId, invoice.debtorId),
    gsi1sk: `${invoice.dueDate}#${invoice.number}#${invoice.id}`,
    entity: 'Invoice',
    ...invoice,
  };
}

export function paymentItem(payment: Payment): Record<string, unknown> {
  return { ...keys.payment(payment.tenantId, payment.debtorId, payment.id), entity: 'Payment', ...payment };
}

export function ledgerItem(ledger: DebtorLedger): Record<string, unknown> {
  return { ...keys.ledger(ledger.tenantId, ledger.debtorId), entity: 'DebtorLedger', ...ledger };
}

/** Put `after` only if the stored record is still at `before.version` (or absent for version 0). */
export function versionedPut(
  tableName: string,
  item: Record<string, unknown>,
  expectedVersion: number,
  onConflict: () => Error = () => new ConcurrentChangeError(),
): TransactionStep {
  return {
    item: {
      Put: {
        TableName: tableName,
        Item: item,
        ...(expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
      },
    },
    onConditionFailed: onConflict,
  };
}

/** A new invoice: the item, its id pointer and its number guard; its debtor must exist. */
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
          Item: { ...keys.invoicePointer(tenantId, id), entity: 'InvoicePointer', debtorId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new ConflictError(`Invoice ${id} already exists`),
    },
    {
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.invoiceNumber(tenantId, number), entity: 'InvoiceNumber', invoiceId: id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new ConflictError(`Invoice number ${number} is already used`),
    },
  ];
}

export function paymentCreationSteps(tableName: string, payment: Payment): TransactionStep[] {
  return [
    versionedPut(tableName, paymentItem(payment), 0, () => new ConflictError(`Payment ${payment.id} already exists`)),
    {
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.paymentPointer(payment.tenantId, payment.id), entity: 'PaymentPointer', debtorId: payment.debtorId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new ConflictError(`Payment ${payment.id} already exists`),
    },
  ];
}

import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Invoice } from '../../domain/invoices/invoice';
import { emptyLedger, type DebtorLedger } from '../../domain/ledger/debtor-ledger';
import type { Payment } from '../../domain/payments/payment';
import type { Adjustment } from '../../domain/adjustments/adjustment';
import type { Dispute } from '../../domain/disputes/dispute';
import type { InterestCharge } from '../../domain/interest/interest-charge';
import type { PaymentPlan } from '../../domain/plans/payment-plan';
import type { PromiseToPay } from '../../domain/promises/promise-to-pay';
import type { Clock } from '../../ports/clock';
import type { DebtorBook, LedgerChange, LedgerSnapshot, LedgerStore } from '../../ports/ledger-store';
import type { Page, PageRequest } from '../../ports/page';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';
import { queryAll, queryPage } from './query-page';
import { getThroughPointer } from './pointer';
import {
  adjustmentItem,
  chargeItem,
  approvalItem,
  disputeApprovalGuardSteps,
  disputeCreationSteps,
  disputeItem,
  invoiceCreationSteps,
  invoiceItem,
  ledgerItem,
  paymentCreationSteps,
  paymentItem,
  planItem,
  promiseItem,
} from './ledger-items';
import { commitTransaction, writeContextSteps, versionedPut } from './transaction';
import { ConflictError } from '../../domain/errors';
import { tenantDayRegistration } from './schedule-store';
import { receivableDaysOfChange } from '../../domain/metrics/receivable-change';
import { receivableDaySteps } from './receivable-day-store';

/** A debtor's money lives in its partition: invoices (`INVOICE#`), the head (`LEDGER`), payments (`PAYMENT#`). */
export class DynamoDbLedgerStore implements LedgerStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
    /** The tenant's time zone: the calendar the day aggregates are kept on. */
    private readonly timeZoneOf: (tenantId: string) => Promise<string>,
  ) {}

  async snapshot(tenantId: string, debtorId: string): Promise<LedgerSnapshot> {
    // One consistent query: sort keys CHARGE#… < DISPUTE#… < INVOICE#… < LEDGER, so the range
    // holds the charges, invoices and ledger head (and the disputes, which are skipped).
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.debtorPartition(tenantId, debtorId),
        ':from': 'CHARGE#',
        ':to': 'LEDGER',
      },
    });
    const ofKind = <T>(entity: string) =>
      items.filter((item) => item.entity === entity).map((item) => stripKeys<T>(item));
    const ledgerRecord = items.find((item) => item.sk === 'LEDGER');
    return {
      ledger: ledgerRecord ? stripKeys<DebtorLedger>(ledgerRecord) : emptyLedger(tenantId, debtorId),
      invoices: ofKind<Invoice>('Invoice'),
      charges: ofKind<InterestCharge>('InterestCharge'),
    };
  }

  async book(tenantId: string, debtorId: string): Promise<DebtorBook> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.debtorPartition(tenantId, debtorId) },
    });
    const ofKind = <T>(entity: string) =>
      items.filter((item) => item.entity === entity).map((item) => stripKeys<T>(item));
    const ledgerRecord = items.find((item) => item.entity === 'DebtorLedger');
    return {
      ledger: ledgerRecord ? stripKeys<DebtorLedger>(ledgerRecord) : emptyLedger(tenantId, debtorId),
      invoices: ofKind<Invoice>('Invoice'),
      payments: ofKind<Payment>('Payment'),
      adjustments: ofKind<Adjustment>('Adjustment'),
      promises: ofKind<PromiseToPay>('PromiseToPay'),
      disputes: ofKind<Dispute>('Dispute'),
      plans: ofKind<PaymentPlan>('PaymentPlan'),
      charges: ofKind<InterestCharge>('InterestCharge'),
    };
  }

  async paymentsWithCredit(tenantId: string, debtorId: string): Promise<Payment[]> {
    const payments = await this.allPayments(tenantId, debtorId);
    return payments.filter((payment) => payment.status === 'applied' && payment.unapplied > 0);
  }

  async getPayment(tenantId: string, paymentId: string): Promise<Payment | undefined> {
    return getThroughPointer<Payment>(
      this.client,
      this.tableName,
      keys.paymentPointer(tenantId, paymentId),
      (debtorId) => keys.payment(tenantId, debtorId, paymentId),
    );
  }

  async getDispute(tenantId: string, disputeId: string): Promise<Dispute | undefined> {
    return getThroughPointer<Dispute>(
      this.client,
      this.tableName,
      keys.disputePointer(tenantId, disputeId),
      (debtorId) => keys.dispute(tenantId, debtorId, disputeId),
    );
  }

  async listDisputes(tenantId: string, debtorId: string): Promise<Dispute[]> {
    return (await this.itemsWithPrefix(tenantId, debtorId, 'DISPUTE#')).map((item) =>
      stripKeys<Dispute>(item),
    );
  }

  async listAdjustments(tenantId: string, debtorId: string): Promise<Adjustment[]> {
    return (await this.itemsWithPrefix(tenantId, debtorId, 'ADJUSTMENT#')).map((item) =>
      stripKeys<Adjustment>(item),
    );
  }

  async listPromises(tenantId: string, debtorId: string): Promise<PromiseToPay[]> {
    return (await this.itemsWithPrefix(tenantId, debtorId, 'PROMISE#')).map((item) =>
      stripKeys<PromiseToPay>(item),
    );
  }

  async listPlans(tenantId: string, debtorId: string): Promise<PaymentPlan[]> {
    return (await this.itemsWithPrefix(tenantId, debtorId, 'PLAN#')).map((item) =>
      stripKeys<PaymentPlan>(item),
    );
  }

  async allPayments(tenantId: string, debtorId: string): Promise<Payment[]> {
    return (await this.itemsWithPrefix(tenantId, debtorId, 'PAYMENT#'))
      .map((item) => stripKeys<Payment>(item))
      .sort((a, b) =>
        a.receivedAt === b.receivedAt ? a.id.localeCompare(b.id) : a.receivedAt < b.receivedAt ? -1 : 1,
      );
  }

  private itemsWithPrefix(tenantId: string, debtorId: string, prefix: string) {
    return this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.debtorPartition(tenantId, debtorId), ':prefix': prefix },
    });
  }

  async listPayments(tenantId: string, debtorId: string, page: PageRequest): Promise<Page<Payment>> {
    const partition = { attribute: 'pk', value: keys.debtorPartition(tenantId, debtorId) } as const;
    return queryPage<Payment>(
      this.client,
      this.tableName,
      {
        partition,
        sortCondition: 'begins_with(sk, :prefix)',
        values: { ':prefix': 'PAYMENT#' },
        newestFirst: true,
      },
      page,
    );
  }

  async commit(change: LedgerChange, context: WriteContext): Promise<void> {
    const table = this.tableName;
    const { tenantId, debtorId } = change.ledger.after;
    const receivables = movesReceivables(change)
      ? receivableDaySteps(
          table,
          tenantId,
          debtorId,
          receivableDaysOfChange(change, await this.timeZoneOf(tenantId)),
        )
      : [];
    await commitTransaction(this.client, [
      ...receivables,
      versionedPut(table, ledgerItem(change.ledger.after), change.ledger.before.version),
      ...(change.createdInvoices ?? []).flatMap((invoice) => invoiceCreationSteps(table, invoice)),
      ...(change.changedInvoices ?? []).map(({ before, after }) =>
        versionedPut(table, invoiceItem(after), before.version),
      ),
      ...(change.createdPayments ?? []).flatMap((payment) => paymentCreationSteps(table, payment)),
      ...(change.changedPayments ?? []).map(({ before, after }) =>
        versionedPut(table, paymentItem(after), before.version),
      ),
      ...(change.createdAdjustments ?? []).map((adjustment) =>
        versionedPut(table, adjustmentItem(adjustment), 0),
      ),
      ...(change.createdDisputes ?? []).flatMap((dispute) => disputeCreationSteps(table, dispute)),
      ...(change.changedDisputes ?? []).map(({ before, after }) =>
        versionedPut(
          table,
          disputeItem(after),
          before.version,
          () => new ConflictError('The dispute was changed by someone else'),
        ),
      ),
      ...(change.createdPromises ?? []).map((promise) => versionedPut(table, promiseItem(promise), 0)),
      ...(change.changedPromises ?? []).map(({ before, after }) =>
        versionedPut(table, promiseItem(after), before.version),
      ),
      ...(change.createdPlans ?? []).map((plan) => versionedPut(table, planItem(plan), 0)),
      ...(change.createdCharges ?? []).map((charge) => versionedPut(table, chargeItem(charge), 0)),
      ...(change.changedCharges ?? []).map(({ before, after }) =>
        versionedPut(
          table,
          chargeItem(after),
          before.version,
          () => new ConflictError('The charge was changed by someone else'),
        ),
      ),
      ...(change.changedPlans ?? []).map(({ before, after }) =>
        versionedPut(table, planItem(after), before.version),
      ),
      ...(change.changedApprovals ?? []).flatMap(({ before, after }) => [
        versionedPut(
          table,
          approvalItem(after),
          before.version,
          () => new ConflictError('The request was decided by someone else'),
        ),
        ...disputeApprovalGuardSteps(table, { before, after }),
      ]),
      ...(change.currencyInUse
        ? [
            tenantDayRegistration(table, change.currencyInUse.tenantId, this.clock.now()),
            {
              item: {
                Put: {
                  TableName: table,
                  Item: {
                    ...keys.currencyInUse(change.currencyInUse.tenantId, change.currencyInUse.currency),
                    entity: 'CurrencyInUse',
                    currency: change.currencyInUse.currency,
                  },
                },
              },
            },
          ]
        : []),
      ...writeContextSteps(table, context, this.clock.now()),
    ]);
  }

  private queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) {
    return queryAll(this.client, { ...input, TableName: this.tableName, ConsistentRead: true });
  }
}

function movesReceivables(change: LedgerChange): boolean {
  return [
    change.createdInvoices,
    change.createdPayments,
    change.changedPayments,
    change.createdAdjustments,
    change.createdPromises,
    change.changedPromises,
    change.createdDisputes,
    change.changedDisputes,
    change.redatedInvoices,
  ].some((records) => records !== undefined && records.length > 0);
}

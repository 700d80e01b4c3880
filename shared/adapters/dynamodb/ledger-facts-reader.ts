import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-page';
import type { Adjustment } from '../../domain/adjustments/adjustment';
import type { Dispute } from '../../domain/disputes/dispute';
import type { Invoice } from '../../domain/invoices/invoice';
import type { Payment } from '../../domain/payments/payment';
import type { PaymentPlan } from '../../domain/plans/payment-plan';
import type { PromiseToPay } from '../../domain/promises/promise-to-pay';
import type { LedgerFactsReader, TenantLedgerRecords } from '../../ports/ledger-facts-reader';
import { keys, stripKeys } from './keys';

/**
 * Reads a tenant's money records of one currency from gsi2 (`T#t#FACTS#<currency>`), a query
 * per currency, never a scan. This is the direct path for period metrics; it reads every record
 * of the currency, so very large books are served from daily aggregates instead.
 */
export class DynamoDbLedgerFactsReader implements LedgerFactsReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async currencies(tenantId: string): Promise<string[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.currenciesPartition(tenantId) },
        ConsistentRead: true,
      }),
    );
    return (result.Items ?? []).map((item) => item.currency as string).sort();
  }

  async records(tenantId: string, currency: string): Promise<TenantLedgerRecords> {
    const [facts, disputes] = await Promise.all([
      this.queryIndex(keys.tenantFacts(tenantId, currency)),
      this.queryIndex(keys.tenantDisputes(tenantId)),
    ]);
    const ofKind = <T>(entity: string) =>
      facts.filter((item) => item.entity === entity).map((item) => stripKeys<T>(item));
    const invoices = ofKind<Invoice>('Invoice');
    const invoiceIds = new Set(invoices.map((invoice) => invoice.id));
    return {
      invoices,
      payments: ofKind<Payment>('Payment'),
      adjustments: ofKind<Adjustment>('Adjustment'),
      promises: ofKind<PromiseToPay>('PromiseToPay'),
      plans: ofKind<PaymentPlan>('PaymentPlan'),
      disputes: disputes
        .map((item) => stripKeys<Dispute>(item))
        .filter((dispute) => invoiceIds.has(dispute.invoiceId)),
    };
  }

  private queryIndex(partition: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
    });
  }
}

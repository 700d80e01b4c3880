import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors';
import type { Invoice } from '../../domain/invoices/invoice';
import type { Clock } from '../../ports/clock';
import type { InvoiceStore } from '../../ports/invoice-store';
import type { Page, PageRequest } from '../../ports/page';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';
import { queryAll, queryPage } from './query-page';
import { getThroughPointer } from './pointer';
import { invoiceItem } from './ledger-items';
import { commitTransaction, versionedPut, writeContextSteps } from './transaction';

/**
 * Invoices live in their debtor's partition (one strongly consistent query reads a debtor's
 * whole ledger); a pointer item finds an invoice by id. Creation is a ledger movement (it may
 * consume unapplied credit), so it goes through the LedgerStore.
 */
export class DynamoDbInvoiceStore implements InvoiceStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async dueBetween(tenantId: string, currency: string, from: string, to: string): Promise<Invoice[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.tenantFacts(tenantId, currency),
        ':from': `INVOICE#${from}#`,
        ':to': `INVOICE#${to}#~`,
      },
    });
    return items.map((item) => stripKeys<Invoice>(item));
  }

  async get(tenantId: string, id: string): Promise<Invoice | undefined> {
    return getThroughPointer<Invoice>(
      this.client,
      this.tableName,
      keys.invoicePointer(tenantId, id),
      (debtorId) => keys.invoice(tenantId, debtorId, id),
    );
  }

  async listByDebtor(tenantId: string, debtorId: string, page: PageRequest): Promise<Page<Invoice>> {
    const partition = { attribute: 'gsi1pk', value: keys.debtorInvoicesIndex(tenantId, debtorId) } as const;
    return queryPage<Invoice>(this.client, this.tableName, { partition }, page);
  }

  async update(before: Invoice, after: Invoice, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        invoiceItem(after),
        before.version,
        () => new ConflictError(`Invoice ${before.id} was changed by someone else`),
      ),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }
}

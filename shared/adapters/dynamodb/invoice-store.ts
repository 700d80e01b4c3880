import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Invoice } from '../../domain/invoices/invoice';
import type { Clock } from '../../ports/clock';
import type { InvoiceStore } from '../../ports/invoice-store';
import type { Page, PageRequest } from '../../ports/page';
import type { WriteContext } from '../../ports/write-context';
import { decodeCursor, encodeCursor } from './cursor';
import { keys, stripKeys } from './keys';
import { commitTransaction, writeContextSteps } from './transaction';

/**
 * Invoices live in their debtor's partition (one strongly consistent query reads a debtor's
 * whole ledger); a pointer item finds an invoice by id and a guard item keeps numbers unique.
 */
export class DynamoDbInvoiceStore implements InvoiceStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string, id: string): Promise<Invoice | undefined> {
    const pointer = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.invoicePointer(tenantId, id), ConsistentRead: true }),
    );
    const debtorId = pointer.Item?.debtorId as string | undefined;
    if (!debtorId) return undefined;
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.invoice(tenantId, debtorId, id), ConsistentRead: true }),
    );
    return result.Item ? stripKeys<Invoice>(result.Item) : undefined;
  }

  async listByDebtor(tenantId: string, debtorId: string, page: PageRequest): Promise<Page<Invoice>> {
    const partition = { attribute: 'gsi1pk', value: keys.debtorInvoicesIndex(tenantId, debtorId) };
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': partition.value },
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, partition),
      }),
    );
    return {
      items: (result.Items ?? []).map((item) => stripKeys<Invoice>(item)),
      nextCursor: encodeCursor(result.LastEvaluatedKey),
    };
  }

  async allOfDebtor(tenantId: string, debtorId: string): Promise<Invoice[]> {
    const invoices: Invoice[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.debtorPartition(tenantId, debtorId), ':prefix': 'INVOICE#' },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      invoices.push(...(result.Items ?? []).map((item) => stripKeys<Invoice>(item)));
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return invoices;
  }

  async create(invoice: Invoice, context: WriteContext): Promise<void> {
    const { tenantId, debtorId, id, number } = invoice;
    await commitTransaction(this.client, [
      {
        item: {
          ConditionCheck: {
            TableName: this.tableName,
            Key: keys.debtor(tenantId, debtorId),
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(mergedInto)',
          },
        },
        onConditionFailed: () => new NotFoundError('Debtor'),
      },
      {
        item: { Put: { TableName: this.tableName, Item: this.toItem(invoice), ConditionExpression: 'attribute_not_exists(pk)' } },
        onConditionFailed: () => new ConflictError(`Invoice ${id} already exists`),
      },
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.invoicePointer(tenantId, id), entity: 'InvoicePointer', debtorId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new ConflictError(`Invoice ${id} already exists`),
      },
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.invoiceNumber(tenantId, number), entity: 'InvoiceNumber', invoiceId: id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new ConflictError(`Invoice number ${number} is already used`),
      },
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async update(before: Invoice, after: Invoice, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: this.toItem(after),
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': before.version },
          },
        },
        onConditionFailed: () => new ConflictError(`Invoice ${before.id} was changed by someone else`),
      },
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  private toItem(invoice: Invoice): Record<string, unknown> {
    return {
      ...keys.invoice(invoice.tenantId, invoice.debtorId, invoice.id),
      gsi1pk: keys.debtorInvoicesIndex(invoice.tenantId, invoice.debtorId),
      gsi1sk: `${invoice.dueDate}#${invoice.number}#${invoice.id}`,
      entity: 'Invoice',
      ...invoice,
    };
  }
}

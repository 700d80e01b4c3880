import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Debtor } from '../../domain/debtors/debtor';
import type { Invoice } from '../../domain/invoices/invoice';
import { emptyLedger, type DebtorLedger } from '../../domain/ledger/debtor-ledger';
import type { ReceivableDay } from '../../domain/metrics/receivable-day';
import type { BulkRecords } from '../../ports/bulk-records';
import type { Clock } from '../../ports/clock';
import { getAll, putAll } from './batch-items';
import { debtorExternalRefItem, debtorItem, debtorMatchKeyItems, debtorsByIds } from './debtor-store';
import { keys, stripKeys } from './keys';
import { invoiceItem, invoiceNumberItem, invoicePointerItem } from './ledger-items';
import { receivableDaySteps } from './receivable-day-store';
import { tenantDayRegistration } from './schedule-store';

/** Day items per transaction: with a changed-dates marker per currency and the batch marker, under 100. */
const DAYS_PER_PART = 60;

export class DynamoDbBulkRecords implements BulkRecords {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async debtorsByExternalRef(
    tenantId: string,
    externalRefs: readonly string[],
  ): Promise<Map<string, Debtor>> {
    const markers = await this.get(externalRefs.map((ref) => keys.debtorExternalRef(tenantId, ref)));
    const debtorOfMarker = new Map(markers.map((marker) => [marker.pk as string, marker.debtorId as string]));
    const debtors = await this.debtorsById(tenantId, [...new Set(debtorOfMarker.values())]);
    const byRef = new Map<string, Debtor>();
    for (const ref of externalRefs) {
      const debtorId = debtorOfMarker.get(keys.debtorExternalRef(tenantId, ref).pk);
      const debtor = debtorId && debtors.get(debtorId);
      if (debtor) byRef.set(ref, debtor);
    }
    return byRef;
  }

  debtorsById(tenantId: string, ids: readonly string[]): Promise<Map<string, Debtor>> {
    return debtorsByIds(this.client, this.tableName, tenantId, ids);
  }

  async invoicesByNumber(tenantId: string, numbers: readonly string[]): Promise<Map<string, Invoice>> {
    const markers = await this.get(numbers.map((number) => keys.invoiceNumber(tenantId, number)));
    if (markers.length === 0) return new Map();
    const pointers = await this.get(
      markers.map((marker) => keys.invoicePointer(tenantId, marker.invoiceId as string)),
    );
    const invoices = await this.get(
      pointers.map((pointer) =>
        keys.invoice(
          tenantId,
          pointer.debtorId as string,
          String(pointer.pk).split('#INVOICE#')[1] as string,
        ),
      ),
    );
    return new Map(invoices.map((item) => [item.number as string, stripKeys<Invoice>(item)]));
  }

  async ledgerHeads(tenantId: string, debtorIds: readonly string[]): Promise<Map<string, DebtorLedger>> {
    const items = await this.get(debtorIds.map((id) => keys.ledger(tenantId, id)));
    const found = new Map(items.map((item) => [item.debtorId as string, stripKeys<DebtorLedger>(item)]));
    return new Map(debtorIds.map((id) => [id, found.get(id) ?? emptyLedger(tenantId, id)]));
  }

  async storedDebtorIds(debtors: readonly Debtor[]): Promise<Set<string>> {
    const stored = await this.get(debtors.map((debtor) => keys.debtor(debtor.tenantId, debtor.id)));
    return new Set(stored.map((item) => item.id as string));
  }

  async storedInvoiceIds(invoices: readonly Invoice[]): Promise<Set<string>> {
    const stored = await this.get(
      invoices.map((invoice) => keys.invoice(invoice.tenantId, invoice.debtorId, invoice.id)),
    );
    return new Set(stored.map((item) => item.id as string));
  }

  async writeDebtors(debtors: readonly Debtor[], stored: ReadonlySet<string> = new Set()): Promise<void> {
    // The records and their duplicate-detection lookups first, the unique reference markers last.
    await putAll(
      this.client,
      this.tableName,
      debtors.flatMap((debtor) => [
        ...(stored.has(debtor.id) ? [] : [debtorItem(debtor)]),
        ...debtorMatchKeyItems(debtor),
      ]),
      16,
    );
    await putAll(
      this.client,
      this.tableName,
      debtors.flatMap((debtor) =>
        debtor.externalRef ? [debtorExternalRefItem({ ...debtor, externalRef: debtor.externalRef })] : [],
      ),
      16,
    );
  }

  async writeInvoices(invoices: readonly Invoice[], stored: ReadonlySet<string> = new Set()): Promise<void> {
    await putAll(
      this.client,
      this.tableName,
      invoices.flatMap((invoice) => [
        ...(stored.has(invoice.id) ? [] : [invoiceItem(invoice)]),
        invoicePointerItem(invoice),
      ]),
      16,
    );
    await putAll(this.client, this.tableName, invoices.map(invoiceNumberItem), 16);
  }

  async addReceivables(
    tenantId: string,
    importId: string,
    batch: number,
    days: readonly ReceivableDay[],
  ): Promise<void> {
    const ordered = [...days].sort((a, b) =>
      a.currency === b.currency ? a.date.localeCompare(b.date) : a.currency.localeCompare(b.currency),
    );
    const currencies = [...new Set(ordered.map((day) => day.currency))];
    for (let start = 0, part = 0; start < ordered.length; start += DAYS_PER_PART, part += 1) {
      const partDays = ordered.slice(start, start + DAYS_PER_PART);
      const steps = [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.importReceivables(tenantId, importId, `${batch}#${part}`),
              entity: 'ImportReceivables',
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        // The shard spreads the import's parts over the day items like debtors' changes.
        ...receivableDaySteps(this.tableName, tenantId, `${importId}#${batch}#${part}`, partDays).map(
          (step) => step.item,
        ),
        ...(part === 0
          ? [
              tenantDayRegistration(this.tableName, tenantId, this.clock.now()).item,
              ...currencies.map((currency) => ({
                Put: {
                  TableName: this.tableName,
                  Item: { ...keys.currencyInUse(tenantId, currency), entity: 'CurrencyInUse', currency },
                },
              })),
            ]
          : []),
      ];
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: steps }));
      } catch (error) {
        // The part's marker exists: an earlier run added this part already.
        const first =
          error instanceof TransactionCanceledException ? error.CancellationReasons?.[0] : undefined;
        if (first?.Code !== 'ConditionalCheckFailed') throw error;
      }
    }
  }

  private get(itemKeys: readonly { pk: string; sk: string }[]) {
    return itemKeys.length === 0 ? Promise.resolve([]) : getAll(this.client, this.tableName, itemKeys);
  }
}

/**
 * The most invoice rows per second the local store can take: the items an imported invoice is
 * (the invoice with its two index entries, its id pointer, its number marker) written by
 * BatchWriteItem exactly as the import writes them, with nothing else going on. The import's apply
 * rate is read against this figure: what is left between them is the import's own work.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '../local/dynamodb-local/process';
import { ensureTable } from '../local/dynamodb-local/ensure-table';
import { putAll } from '../shared/adapters/dynamodb/batch-items';
import { invoiceItem, invoiceNumberItem, invoicePointerItem } from '../shared/adapters/dynamodb/ledger-items';
import { newInvoice, type Invoice } from '../shared/domain/invoices/invoice';

export interface WriteCeiling {
  invoices: number;
  itemsPerInvoice: number;
  itemsPerSecond: number;
  invoicesPerSecond: number;
}

const TABLE = 'recoup-ceiling';
/** As many BatchWriteItem calls in flight as the import's bulk writer keeps. */
const CONCURRENCY = 16;

export async function writeCeiling(invoices = 30_000): Promise<WriteCeiling> {
  const store = await startDynamoDbLocal();
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: store.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  try {
    await ensureTable(store.endpoint, TABLE);
    // A first round warms the store's JIT, as the debtors import does before the invoices.
    await writeInvoices(client, sampleInvoices('warm', invoices / 3));
    const measured = sampleInvoices('bench', invoices);
    const started = performance.now();
    const items = await writeInvoices(client, measured);
    const seconds = (performance.now() - started) / 1000;
    return {
      invoices,
      itemsPerInvoice: items / invoices,
      itemsPerSecond: Math.round(items / seconds),
      invoicesPerSecond: Math.round(invoices / seconds),
    };
  } finally {
    client.destroy();
    await store.stop();
  }
}

/** The import's order: the records first, the unique markers after. */
async function writeInvoices(client: DynamoDBDocumentClient, invoices: readonly Invoice[]): Promise<number> {
  const records = invoices.flatMap((invoice) => [invoiceItem(invoice), invoicePointerItem(invoice)]);
  const markers = invoices.map(invoiceNumberItem);
  await putAll(client, TABLE, records, CONCURRENCY);
  await putAll(client, TABLE, markers, CONCURRENCY);
  return records.length + markers.length;
}

function sampleInvoices(prefix: string, count: number): Invoice[] {
  const now = new Date('2027-01-15T09:00:00Z');
  const actor = { sub: 'bench', tenantId: 'bench', roles: ['admin' as const] };
  return Array.from({ length: count }, (_, index) => {
    const day = String(1 + (index % 28)).padStart(2, '0');
    return {
      ...newInvoice(
        `inv_${prefix}${String(index).padStart(20, '0')}`,
        'bench',
        {
          debtorId: `dbt_${prefix}${String(index % 10_000).padStart(20, '0')}`,
          number: `${prefix}-${index}`,
          currency: 'GBP',
          amount: 10_000 + (index % 9_000),
          issueDate: `2027-01-${day}`,
          dueDate: `2027-03-${day}`,
        },
        actor,
        now,
      ),
      importId: 'imp_bench',
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await writeCeiling(Number(process.env.BENCH_IMPORT_ROWS ?? 30_000))));
}

/**
 * Metric rollups at scale: a tenant's book of N invoices over three years (most paid, some
 * bounced), seeded straight into DynamoDB Local in the layout the ledger writes — the records and
 * the day aggregates their changes add. Then, per size: the nightly rollup of one closed day, the
 * figures of a quarter from the day aggregates (the default read), and the same figures recomputed
 * from every money record (`source=ledger`). Prints time, DynamoDB requests and items read: the
 * aggregates grow with the days of history, the ledger path with the invoices.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startLocalRuntime, type LocalRuntime } from '../local/runtime';
import { createDocumentClient } from '../shared/adapters/dynamodb/client';
import { keys } from '../shared/adapters/dynamodb/keys';
import { invoiceItem, paymentItem } from '../shared/adapters/dynamodb/ledger-items';
import { getMetrics } from '../shared/app/metrics/get-metrics';
import { rollUpDay } from '../shared/app/schedules/roll-up-day';
import type { Invoice } from '../shared/domain/invoices/invoice';
import { receivableDaysOfChange } from '../shared/domain/metrics/receivable-change';
import { mergeReceivableDays, type ReceivableDay } from '../shared/domain/metrics/receivable-day';
import type { Payment } from '../shared/domain/payments/payment';
import { addDays } from '../shared/domain/time/calendar-date';

const ZONE = 'Europe/Berlin';
const START = '2025-01-01';
const HISTORY_DAYS = 3 * 365;

export interface RollupFigures {
  invoices: number;
  seedSeconds: number;
  aggregateItems: number;
  nightlyRollup: Measured;
  quarterFromAggregates: Measured;
  quarterFromLedger: Measured;
}

interface Measured {
  ms: number;
  requests: number;
  /** Read capacity the data read costs in DynamoDB (eventually consistent: 8 KB a unit). */
  readUnits?: number;
  /** Of `ms`, the time spent reading the records (the rest is computing). */
  readingMs?: number;
}

const readUnits = (data: unknown) => Math.ceil(Buffer.byteLength(JSON.stringify(data)) / 8192);

export async function rollupBench(sizes: readonly number[]): Promise<RollupFigures[]> {
  let requests = 0;
  const runtime = await startLocalRuntime({ onDynamoDbCall: () => (requests += 1) });
  const measure = async <T>(run: () => Promise<T>): Promise<Measured & { result: T }> => {
    requests = 0;
    const started = performance.now();
    const result = await run();
    return { ms: Math.round(performance.now() - started), requests, result };
  };
  try {
    const client = createDocumentClient(runtime.dynamoDb);
    const figures: RollupFigures[] = [];
    for (const size of sizes) {
      const tenantId = `bench-rollups-${size}`;
      const started = performance.now();
      const aggregateItems = await seedBook(client, runtime, tenantId, size);
      const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
      const closedDay = addDays(START, HISTORY_DAYS - 1);
      const nightly = await measure(() => rollUpDay(runtime.services, tenantId, closedDay));
      const actor = { sub: 'bench', tenantId, roles: ['admin' as const] };
      const quarter = { from: addDays(closedDay, -89), to: closedDay, currency: 'EUR' };
      const fromAggregates = await measure(() => getMetrics(runtime.services, { actor }, quarter));
      const fromLedger = await measure(() =>
        getMetrics(runtime.services, { actor }, { ...quarter, source: 'ledger' }),
      );
      const reading = await measure(() => runtime.services.facts.records(tenantId, 'EUR'));
      const { source: _a, ...a } = fromAggregates.result;
      const { source: _l, ...l } = fromLedger.result;
      if (JSON.stringify(a) !== JSON.stringify(l)) throw new Error('The two paths disagree');
      figures.push({
        invoices: size,
        seedSeconds,
        aggregateItems,
        nightlyRollup: { ms: nightly.ms, requests: nightly.requests },
        quarterFromAggregates: {
          ms: fromAggregates.ms,
          requests: fromAggregates.requests,
          readUnits: readUnits(await runtime.services.receivableDays.days(tenantId, 'EUR', closedDay)),
        },
        quarterFromLedger: {
          ms: fromLedger.ms,
          requests: fromLedger.requests,
          readUnits: readUnits(reading.result),
          readingMs: reading.ms,
        },
      });
    }
    return figures;
  } finally {
    await runtime.stop();
  }
}

/** N invoices spread over the history, 90% paid within 10–80 days, 3% of payments bounced. */
async function seedBook(
  client: DynamoDBDocumentClient,
  runtime: LocalRuntime,
  tenantId: string,
  size: number,
): Promise<number> {
  const table = runtime.dynamoDb.tableName;
  let seed = size;
  const random = (below: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % below;
  };
  const at = (date: string) => `${date}T10:00:00.000Z`;
  const items: Record<string, unknown>[] = [
    {
      ...keys.settings(tenantId),
      entity: 'TenantSettings',
      tenantId,
      timezone: ZONE,
      approvalThresholds: {},
      version: 1,
    },
    { ...keys.currencyInUse(tenantId, 'EUR'), entity: 'CurrencyInUse', currency: 'EUR' },
  ];
  let days: ReceivableDay[] = [];
  const chunk: { invoices: Invoice[]; payments: Payment[] } = { invoices: [], payments: [] };
  const flushDays = () => {
    days = mergeReceivableDays(
      days,
      receivableDaysOfChange({ createdInvoices: chunk.invoices, createdPayments: chunk.payments }, ZONE),
    );
    chunk.invoices = [];
    chunk.payments = [];
  };
  for (let index = 0; index < size; index += 1) {
    const debtorId = `dbt_${index % 500}`;
    const issueDate = addDays(START, Math.floor((index / size) * (HISTORY_DAYS - 90)));
    const amount = 10_000 + random(2_000_000);
    const paidAfter = 10 + random(70);
    const paid = random(10) > 0;
    const invoice: Invoice = {
      id: `inv_${index}`,
      tenantId,
      debtorId,
      number: `B-${index}`,
      currency: 'EUR',
      amount,
      paid: paid ? amount : 0,
      credited: 0,
      writtenOff: 0,
      issueDate,
      dueDate: addDays(issueDate, 30),
      version: 1,
      createdAt: at(issueDate),
      updatedAt: at(issueDate),
      createdBy: 'bench',
    };
    chunk.invoices.push(invoice);
    items.push(invoiceItem(invoice));
    if (paid) {
      const receivedAt = at(addDays(issueDate, paidAfter));
      const bounced = random(33) === 0;
      const payment: Payment = {
        id: `pay_${index}`,
        tenantId,
        debtorId,
        currency: 'EUR',
        amount,
        receivedAt,
        allocations: [{ invoiceId: invoice.id, amount, appliedAt: receivedAt }],
        unapplied: 0,
        status: bounced ? 'reversed' : 'applied',
        ...(bounced ? { reversedAt: at(addDays(issueDate, paidAfter + 3)) } : {}),
        createdAt: receivedAt,
        createdBy: 'bench',
        version: 1,
      } as Payment;
      if (bounced) invoice.paid = 0;
      chunk.payments.push(payment);
      items.push(paymentItem(payment));
    }
    if (chunk.invoices.length >= 1_000) flushDays();
  }
  flushDays();
  for (const day of days) {
    items.push({
      ...keys.receivableDay(tenantId, day.currency, day.date, 0),
      entity: 'ReceivableDay',
      currency: day.currency,
      date: day.date,
      shard: 0,
      ...day.counters,
    });
  }
  // As the ledger leaves it: the dates changed since the last rollup, here the last day only.
  items.push({
    ...keys.receivablesChanged(tenantId, 'EUR', 0),
    entity: 'ReceivablesChanged',
    changedDates: new Set([addDays(START, HISTORY_DAYS - 1)]),
  });
  await writeAll(client, table, items);
  return days.length;
}

async function writeAll(client: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  const batches: Record<string, unknown>[][] = [];
  for (let start = 0; start < items.length; start += 25) batches.push(items.slice(start, start + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending: unknown[] = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const result = await client.send(
          new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
        );
        pending = result.UnprocessedItems?.[table] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

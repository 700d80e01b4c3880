/**
 * Bulk reads and writes: BatchWriteItem in groups of 25 and BatchGetItem in groups of 100, several
 * groups in flight, and the items DynamoDB hands back unprocessed (throttling, size) retried with
 * exponential backoff until none is left, so a bulk write either completes or throws.
 */
import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { forEachConcurrently } from '../../runtime/for-each-concurrently';

const WRITE_GROUP = 25;
const GET_GROUP = 100;
const MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 25;
const MAX_DELAY_MS = 2_000;

type Key = { pk: string; sk: string };

export async function putAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Record<string, unknown>[],
  concurrency = 8,
): Promise<number> {
  let calls = 0;
  await inGroups(items, WRITE_GROUP, concurrency, async (group) => {
    let pending = group.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`${pending.length} items stayed unprocessed`);
      if (attempt > 1) await backoff(attempt);
      calls += 1;
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  });
  return calls;
}

export async function getAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Key[],
  concurrency = 8,
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  await inGroups(unique, GET_GROUP, concurrency, async (group) => {
    let pending: Key[] = group;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`${pending.length} keys stayed unprocessed`);
      if (attempt > 1) await backoff(attempt);
      const result = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(result.Responses?.[tableName] ?? []));
      pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
    }
  });
  return found;
}

async function inGroups<T>(
  items: readonly T[],
  size: number,
  concurrency: number,
  run: (group: T[]) => Promise<void>,
): Promise<void> {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  await forEachConcurrently(groups, concurrency, run);
}

function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return new Promise((done) => setTimeout(done, Math.random() * ceiling));
}

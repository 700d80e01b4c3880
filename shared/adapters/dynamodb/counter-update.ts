/**
 * Counter items: numbers added with `ADD` (atomic, in any order), one top-level attribute per
 * counter, every name through a placeholder (counter names hold `:`; `date` is a reserved word).
 * Spread over shards by debtor, so changes of different debtors rarely meet on one item.
 */
import type { TransactionStep } from './transaction';

export const COUNTER_SHARDS = 8;

export function shardOf(debtorId: string): number {
  let hash = 0;
  for (let index = 0; index < debtorId.length; index += 1)
    hash = (hash * 31 + debtorId.charCodeAt(index)) >>> 0;
  return hash % COUNTER_SHARDS;
}

export function counterAddStep(
  tableName: string,
  key: { pk: string; sk: string },
  fields: Record<string, string | number>,
  counters: Record<string, number>,
): TransactionStep {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(fields).map(([name, value], index) => {
    names[`#f${index}`] = name;
    values[`:f${index}`] = value;
    return `#f${index} = :f${index}`;
  });
  const additions = Object.entries(counters).map(([counter, value], index) => {
    names[`#c${index}`] = counter;
    values[`:c${index}`] = value;
    return `#c${index} :c${index}`;
  });
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: key,
        UpdateExpression: `SET ${sets.join(', ')} ADD ${additions.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  };
}

/** The counters of an item read back: its numbers, less the layout fields. */
export function countersOf(
  item: Record<string, unknown>,
  layout: ReadonlySet<string>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(item).filter(
      (entry): entry is [string, number] => !layout.has(entry[0]) && typeof entry[1] === 'number',
    ),
  );
}

/**
 * Opaque list cursors: the DynamoDB LastEvaluatedKey, base64url-encoded. A cursor is only
 * accepted for the partition it came from, so it cannot be replayed against another tenant.
 */
import { ValidationError } from '../../domain/errors';

type Key = Record<string, string>;

export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(
  cursor: string | undefined,
  partition: { attribute: string; value: string },
): Key | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  // Exactly the table keys, plus the index keys when the query reads an index.
  const expected = ['pk', 'sk'];
  if (partition.attribute !== 'pk')
    expected.push(partition.attribute, partition.attribute.replace(/pk$/, 'sk'));
  const valid =
    typeof decoded === 'object' &&
    decoded !== null &&
    Object.keys(decoded).sort().join() === expected.sort().join() &&
    Object.values(decoded).every((value) => typeof value === 'string') &&
    (decoded as Key)[partition.attribute] === partition.value;
  if (!valid) throw new ValidationError([{ path: 'cursor', message: 'is not a cursor of this list' }]);
  return decoded as Key;
}

/**
 * Sends a paged query; a cursor DynamoDB refuses (from another query of the same partition, such
 * as another search) is the caller's mistake: 400, not 500.
 */
export async function sendPage<T>(send: () => Promise<T>, cursor: string | undefined): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (cursor !== undefined && error instanceof Error && error.name === 'ValidationException') {
      throw new ValidationError([{ path: 'cursor', message: 'does not belong to this query' }]);
    }
    throw error;
  }
}

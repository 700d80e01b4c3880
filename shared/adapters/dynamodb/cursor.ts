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
  const valid =
    typeof decoded === 'object' &&
    decoded !== null &&
    Object.values(decoded).every((value) => typeof value === 'string') &&
    (decoded as Key)[partition.attribute] === partition.value;
  if (!valid) throw new ValidationError([{ path: 'cursor', message: 'is not a cursor of this list' }]);
  return decoded as Key;
}

/**
 * Documents kept with every version (policies, message templates): a head item holding the
 * current version, put on condition of the version the writer read, and the version's own item,
 * written once and never overwritten — both in one transaction with the change's audit.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../ports/concurrent-change';
import { commitTransaction, versionedPut, type TransactionStep } from './transaction';

export async function commitVersionedDocument(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: { head: Record<string, unknown>; version: Record<string, unknown> },
  expectedVersion: number,
  onConflict: () => Error,
  contextSteps: TransactionStep[],
): Promise<void> {
  try {
    await commitTransaction(client, [
      versionedPut(tableName, items.head, expectedVersion, onConflict),
      // A version that exists is never overwritten.
      versionedPut(tableName, items.version, 0, onConflict),
      ...contextSteps,
    ]);
  } catch (error) {
    // An edit of the same head in flight: the caller's version is as good as stale.
    if (expectedVersion > 0 && error instanceof ConcurrentChangeError) throw onConflict();
    throw error;
  }
}

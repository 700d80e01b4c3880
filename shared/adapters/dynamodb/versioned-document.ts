/**
 * Documents kept with every version (policies, message templates): a head item holding the
 * current version, put on condition of the version the writer read, and the version's own item,
 * written once and never overwritten — both in one transaction with the change's audit.
 */
import type { TransactionStep } from './transaction';
import { versionedPut } from './transaction';

export function versionedDocumentSteps(
  tableName: string,
  items: { head: Record<string, unknown>; version: Record<string, unknown> },
  expectedVersion: number,
  onConflict: () => Error,
): TransactionStep[] {
  return [
    versionedPut(tableName, items.head, expectedVersion, onConflict),
    // A version that exists is never overwritten.
    versionedPut(tableName, items.version, 0, onConflict),
  ];
}

import type { Debtor } from '../domain/debtors/debtor';
import type { MatchField } from '../domain/debtors/duplicates/match-keys';
import type { Page, PageRequest } from './page';
import type { WriteContext } from './write-context';

export interface DebtorQuery extends PageRequest {
  /** Prefix of the debtor's name (case- and accent-insensitive) or an exact external reference. */
  search?: string;
}

export interface DebtorStore {
  get(tenantId: string, id: string): Promise<Debtor | undefined>;
  /** Several debtors in a few round trips (BatchGetItem), by id; ids not found are absent. */
  getMany(tenantId: string, ids: readonly string[]): Promise<Map<string, Debtor>>;
  list(tenantId: string, query: DebtorQuery): Promise<Page<Debtor>>;
  /** Ids of the debtors whose normalised field equals the key (match-keys.ts), at most `limit`. */
  sharingMatchKey(tenantId: string, field: MatchField, key: string, limit: number): Promise<string[]>;
  /** Fails with ConflictError when the external reference is taken. */
  create(debtor: Debtor, context: WriteContext): Promise<void>;
  /** Fails with ConflictError when `before.version` is no longer current. */
  update(before: Debtor, after: Debtor, context: WriteContext): Promise<void>;
}

import type { Policy } from '../domain/policies/policy';
import type { Page, PageRequest } from './page';
import type { WriteContext } from './write-context';

/** A tenant's collection policies; every version is kept, immutable, beside the current one. */
export interface PolicyStore {
  /** The current version. */
  get(tenantId: string, id: string): Promise<Policy | undefined>;
  /** One version, current or not: a running case keeps the version it started with. */
  getVersion(tenantId: string, id: string, version: number): Promise<Policy | undefined>;
  /** Current versions, oldest policy first. */
  list(tenantId: string, page: PageRequest): Promise<Page<Policy>>;
  /** Every current version, for choosing the one that applies to a debtor. */
  listAll(tenantId: string): Promise<Policy[]>;
  /** The versions of one policy, version 1 first. */
  versions(tenantId: string, id: string, page: PageRequest): Promise<Page<Policy>>;
  /** Fails with ConflictError when the id is taken. */
  create(policy: Policy, context: WriteContext): Promise<void>;
  /** Writes `after` as the next version; ConflictError when `before.version` is no longer current. */
  update(before: Policy, after: Policy, context: WriteContext): Promise<void>;
}
